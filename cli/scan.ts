/**
 * `npm run scan -- --estate FILE [--now ISO-8601] [--settings FILE] [--format json|csv|evidence]`
 * Evaluates an estate file offline and prints the findings document (or CSV) to stdout.
 * Live: `--cloud local|AzureCloud|AzureUSGovernment|AzureChinaCloud [--subscription ID ...]`
 * (local: `--user UPN --password P [--client-id ID] [--emulator URL]`).
 * Bad input exits 2 with one line on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EstateFileError, parseEstateFile, type EstateFile } from '../lib/estate/file';
import { normalize } from '../lib/estate/normalize';
import { evaluate } from '../lib/readiness/evaluate';
import { findingsCsv, findingsDocument } from '../lib/readiness/report';
import { evidenceBundle } from '../lib/compliance/evidence';
import { version as TOOL_VERSION } from '../package.json';
import { DEFAULT_SETTINGS, checkSettings, type Settings } from '../lib/readiness/settings';
import { exitOnUsage } from './args';
import { UsageError, parseScanArgs, type ScanArgs } from './scan-args';

export { parseScanArgs, type ScanArgs };

export function readSettings(path: string | undefined): Settings {
  if (!path) return DEFAULT_SETTINGS;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read settings file ${path}: ${(e as Error).message}`);
  }
  // The same schema as the browser's, strictly: the CLI used to accept any RSA size the browser would refuse.
  const checked = checkSettings(json);
  if (!checked.ok) throw new UsageError(checked.problems.map((p) => `${path}: ${p.path} ${p.message}`).join('; '));
  return checked.settings;
}

export function parseNow(now: string | undefined, fallback: string): number {
  const iso = now ?? fallback;
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(ms)) throw new UsageError(`--now must be an ISO-8601 date-time, not '${iso}'`);
  return Math.floor(ms / 1000);
}

export function render(file: EstateFile, args: ScanArgs, estateBytes?: Uint8Array | string): string {
  const settings = readSettings(args.settings);
  // Offline scans judge the estate as of its capture unless told otherwise.
  const now = parseNow(args.now, file.capturedAt);
  const estate = normalize(file);
  const e = evaluate(estate, { settings, now });
  if (args.format === 'csv') return findingsCsv(e);
  if (args.format === 'evidence') {
    const bundle = evidenceBundle({
      estate,
      evaluation: e,
      estateBytes: estateBytes ?? JSON.stringify(file),
      generatedAt: new Date(now * 1000).toISOString(),
      generatedBy: args.author ?? process.env.USER ?? 'unknown',
      toolVersion: TOOL_VERSION,
    });
    return JSON.stringify(bundle, null, 2) + '\n';
  }
  return JSON.stringify(findingsDocument(e), null, 2) + '\n';
}

async function main(): Promise<void> {
  const args = parseScanArgs(process.argv.slice(2));
  let file: EstateFile;
  let bytes: Uint8Array | string | undefined;
  if (args.estate) {
    const path = resolve(args.estate);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read estate file ${args.estate}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    file = parseEstateFile(text, args.estate);
    bytes = readFileSync(path);
  } else {
    const { liveEstate } = await import('./live');
    file = await liveEstate(args);
    if (!args.now) args.now = new Date().toISOString();
    if (args.saveEstate) {
      bytes = JSON.stringify(file, null, 2) + '\n';
      writeFileSync(args.saveEstate, bytes);
    }
  }
  process.stdout.write(render(file, args, bytes));
}

if (require.main === module) void exitOnUsage('scan', main, (e) => (e instanceof EstateFileError ? `not a valid estate file: ${e.message}` : undefined));

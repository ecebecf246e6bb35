/**
 * `npm run emulator -- [--estate FILE | --generate servers=N,...] [--port N] [--page-size N] [--lro-ms N]`
 * Starts the local Azure: Entra ID under /{tenant}/… and ARM at the root, on one port.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEstateFile, EstateFileError, type EstateFile } from '../../lib/estate/file';
import { isReplicatingServer } from '../../lib/estate/normalize';
import { startEmulator } from './server';
import { generateEstate, parseGenerateSpec } from './generate';
import { buildDemoEstate } from './demo';
import { localTls } from './tls';

export const DEFAULT_PORT = 3080;

interface Args {
  estate?: string;
  generate?: string;
  port: number;
  pageSize: number;
  lroMs: number;
  tokenLifetime: number;
  quiet: boolean;
  https: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    port: Number(process.env.LOCKSTEP_EMULATOR_PORT ?? DEFAULT_PORT),
    pageSize: 100,
    lroMs: 3000,
    tokenLifetime: 3600,
    quiet: false,
    https: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.includes('=') && a.startsWith('--') && !a.startsWith('--generate=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v!;
    };
    const int = (name: string, v: string, min: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) fail(`${name} must be a whole number ≥ ${min}, not '${v}'`);
      return n;
    };
    if (flag === '--estate') args.estate = value();
    else if (flag === '--generate' || a.startsWith('--generate=')) args.generate = a.startsWith('--generate=') ? a.slice('--generate='.length) : value();
    else if (flag === '--port') args.port = int('--port', value(), 0);
    else if (flag === '--page-size') args.pageSize = int('--page-size', value(), 1);
    else if (flag === '--lro-ms') args.lroMs = int('--lro-ms', value(), 0);
    else if (flag === '--token-lifetime') args.tokenLifetime = int('--token-lifetime', value(), 1);
    else if (flag === '--quiet') args.quiet = true;
    else if (flag === '--https') args.https = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(
        'Usage: npm run emulator -- [--estate FILE | --generate servers=N,subscriptions=N,vaults=N,des=N,keyvaults=N] [--port N] [--page-size N] [--lro-ms N] [--token-lifetime SECONDS] [--https] [--quiet]',
      );
      process.exit(0);
    } else fail(`unknown option '${a}' (try --help)`);
  }
  if (args.estate && args.generate) fail('use either --estate or --generate, not both');
  return args;
}

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

export function loadEstate(path: string): EstateFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new EstateFileError(path, '$', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseEstateFile(text, path);
}

/**
 * The estate to serve: a file as it was captured, a generated estate, or (by default) the demo. The demo and
 * generated estates are dated the minute the emulator starts, so their expiries, rotations and recovery points
 * tell the same story on any date.
 */
export function seedEstate(opts: { estatePath?: string; generate?: string }, startedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000)): EstateFile {
  if (opts.generate) return generateEstate(parseGenerateSpec(opts.generate), startedAt);
  if (opts.estatePath) return loadEstate(resolve(opts.estatePath));
  return buildDemoEstate(startedAt);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let estate: EstateFile;
  try {
    estate = seedEstate({ estatePath: args.estate, generate: args.generate });
  } catch (e) {
    if (e instanceof EstateFileError) fail(`invalid estate file ${e.message}`);
    fail((e as Error).message);
  }
  let tls: ReturnType<typeof localTls> | undefined;
  try {
    tls = args.https ? localTls() : undefined;
  } catch (e) {
    fail((e as Error).message);
  }
  const emulator = await startEmulator({
    estate,
    port: args.port,
    pageSize: args.pageSize,
    lroMs: args.lroMs,
    tokenLifetimeSeconds: args.tokenLifetime,
    tls,
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') fail(`port ${args.port} is already in use: stop the other process or pass --port N`);
    throw e;
  });
  if (!args.quiet) {
    const servers = estate.resources.filter(isReplicatingServer).length;
    console.log(`Local Azure emulator on ${emulator.url}`);
    console.log(`  Entra ID  ${emulator.url}/${estate.tenantId}/v2.0/.well-known/openid-configuration`);
    console.log(`  ARM       ${emulator.url}/subscriptions?api-version=2022-12-01`);
    console.log(
      `  estate    ${estate.tenantDisplayName ?? estate.tenantId}: ${estate.subscriptions.length} subscriptions, ${servers} replicating servers, ${estate.resources.length} resources`,
    );
    if (tls) {
      const demo = estate.users?.find((u) => u.password);
      console.log(`  TLS       certificates from the local CA ${tls.caFile}; trust it with`);
      console.log(`            export REQUESTS_CA_BUNDLE=${tls.caFile}   # Azure CLI (Python)`);
      console.log(`            export NODE_EXTRA_CA_CERTS=${tls.caFile}  # Node`);
      console.log('  Point the Azure CLI at it (isolated config; newer az: az config set core.instance_discovery=false):');
      console.log(`            export AZURE_CONFIG_DIR=$(mktemp -d) AZURE_CORE_COLLECT_TELEMETRY=false`);
      console.log(
        `            az cloud register --name LockstepLocal --endpoint-resource-manager ${emulator.url}/ --suffix-keyvault-dns .vault.azure.net && az cloud set --name LockstepLocal`,
      );
      console.log(
        `            az login --username ${demo?.userPrincipalName ?? '<upn>'} --password ${demo ? '<the demo password>' : '<password>'} --tenant ${estate.tenantId}`,
      );
    }
  }
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) void main();

/**
 * `npm run bench`: benchmarks with budgets (counts and sizes, never timed tests). Prints a table and
 * writes bench/results/latest.json; exits non-zero when a budget is broken.
 *   inventory  — the ARM SDK clients list a generated 10,000-server estate: requests must stay
 *                O(vaults + pages), never O(servers).
 *   rules      — normalising and evaluating a generated 10,000-server estate in Node.
 *   bundle     — the signed-out page's JavaScript (gzip) and proof that no ARM SDK is in it.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateEstate } from '../emulator/src/generate';
import { normalize } from '../lib/estate/normalize';
import { evaluate } from '../lib/readiness/evaluate';
import { startTestEmulator } from '../emulator/src/testing';

interface Result {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  ok: boolean;
  note?: string;
}

const root = resolve(__dirname, '..');
const results: Result[] = [];
const record = (r: Omit<Result, 'ok'>) => results.push({ ...r, ok: r.budget === undefined || r.value <= r.budget });

async function inventory(): Promise<void> {
  const servers = 10_000;
  const vaults = 8;
  const pageSize = 100;
  const estate = generateEstate({ servers, subscriptions: 4, vaults, des: 16, keyvaults: 8 });
  const t = await startTestEmulator({ estate, pageSize });
  try {
    await t.control('requests', { method: 'DELETE' });
    const f = t.factory('consultant');
    const started = performance.now();
    let items = 0;
    const recoveryVaults = estate.resources.filter((r) => r.type === 'Microsoft.RecoveryServices/vaults');
    await Promise.all(
      recoveryVaults.map(async (v) => {
        const [, , sub, , rg, , , , name] = v.id.split('/');
        const client = await f.siteRecovery(sub!);
        // Site Recovery 5.x takes the vault name first, then its resource group.
        for await (const _ of client.replicationMigrationItems.list(name!, rg!)) items++;
      }),
    );
    const ms = performance.now() - started;
    const counts = (await t.control('requests')) as { routes: Record<string, number> };
    const armRequests = Object.entries(counts.routes).filter(([k]) => !k.includes(' entra ')).reduce((a, [, n]) => a + n, 0);
    const minimum = recoveryVaults.length * Math.ceil(servers / vaults / pageSize);
    record({ name: 'inventory: migration items read', value: items, unit: 'items', note: `expected ${servers}` });
    record({ name: 'inventory: ARM requests', value: armRequests, unit: 'requests', budget: minimum + recoveryVaults.length, note: `pages needed: ${minimum}` });
    record({ name: 'inventory: wall time, 10,000 servers', value: Math.round(ms), unit: 'ms', budget: 15_000 });
    if (items !== servers) results[results.length - 3]!.ok = false;
  } finally {
    await t.emulator.close();
  }
}

function rules(): void {
  const estate = generateEstate({ servers: 10_000, subscriptions: 20, vaults: 40, des: 100, keyvaults: 100 });
  const graph = normalize(estate);
  const now = Date.parse(estate.capturedAt) / 1000;
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    evaluate(graph, { now });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const t0 = performance.now();
  normalize(estate);
  record({ name: 'rules: normalize 10,000-server estate', value: Math.round(performance.now() - t0), unit: 'ms' });
  record({ name: 'rules: evaluate 10,000 servers, median of 9', value: Math.round(times[4]!), unit: 'ms', budget: 150 });
}

function bundle(): void {
  const out = join(root, 'out');
  if (!existsSync(join(out, 'index.html'))) {
    record({ name: 'bundle: landing page', value: 0, unit: 'kB', note: 'no build: run npm run build first' });
    results[results.length - 1]!.ok = false;
    return;
  }
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let min = 0;
  let gz = 0;
  let sdkInFirstLoad = 0;
  for (const src of scripts) {
    const code = readFileSync(join(out, src.split('?')[0]!));
    min += code.length;
    gz += gzipSync(code).length;
    // The SDKs' own URL templates; Lockstep's factory only names the classes it imports lazily.
    if (/\/providers\/Microsoft\.(Compute|KeyVault|RecoveryServices|Authorization)\/[\w/]*\{/.test(code.toString('utf8'))) sdkInFirstLoad++;
  }
  record({ name: 'bundle: landing page JS, minified', value: Math.round(min / 1000), unit: 'kB' });
  record({ name: 'bundle: landing page JS, gzip', value: Math.round(gz / 1000), unit: 'kB', budget: 400 });
  record({ name: 'bundle: ARM SDK chunks in first load', value: sdkInFirstLoad, unit: 'chunks', budget: 0 });
}

async function main() {
  const only = process.argv[2];
  if (!only || only === 'inventory') await inventory();
  if (!only || only === 'rules') rules();
  if (!only || only === 'bundle') bundle();
  console.log('\nbenchmark'.padEnd(48) + 'value'.padStart(10) + '  budget');
  for (const r of results) console.log(`${r.ok ? '✓' : '✖'} ${r.name.padEnd(45)} ${String(r.value).padStart(8)} ${r.unit.padEnd(9)} ${r.budget ?? '—'}${r.note ? `   (${r.note})` : ''}`);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

void main();

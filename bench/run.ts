/**
 * `npm run bench`: benchmarks with budgets (counts and sizes, never timed tests). Prints a table and
 * writes bench/results/latest.json; exits non-zero when a budget is broken.
 *   inventory  — the ARM SDK clients list a generated 10,000-server estate: requests must stay
 *                O(vaults + pages), never O(servers).
 *   rules      — normalising and evaluating a generated 10,000-server estate in Node.
 *   bundle     — the signed-out page's JavaScript (gzip) and proof that no ARM SDK is in it.
 *   grid       — Chromium with 10,000 rows: a keystroke in the filter to the rows painted.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateEstate } from '../emulator/src/generate';
import { normalize } from '../lib/estate/normalize';
import { evaluate } from '../lib/readiness/evaluate';
import { spawn } from 'node:child_process';
import { DEMO_CLI_CLIENT_ID, DEMO_PASSWORD, DEMO_TENANT_ID, USERS } from '../emulator/src/demo';
import { PasswordTokenSource } from '../lib/auth/password-token-source';
import { captureEstate } from '../lib/azure/inventory';

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
  // The issue's figure: 10,000 servers, 20 subscriptions, 40 Recovery Services vaults, 100 DES,
  // 100 key vaults, and 50 ms added to every ARM request.
  const spec = { servers: 10_000, subscriptions: 20, vaults: 40, des: 100, keyvaults: 100 };
  const latency = 50;
  const pageSize = 100;
  const estate = generateEstate(spec);
  // The emulator runs in its own process, as it does for the app: the bench measures the client.
  const t = await spawnEmulator(`servers=${spec.servers},subscriptions=${spec.subscriptions},vaults=${spec.vaults},des=${spec.des},keyvaults=${spec.keyvaults}`, pageSize);
  try {
    const tokens = t.tokens('consultant');
    await tokens.getArmToken();
    // Load the SDK modules first: that one-time cost is not the inventory's.
    await Promise.all(['@azure/arm-resources', '@azure/arm-compute', '@azure/arm-keyvault', '@azure/arm-recoveryservices-siterecovery', '@azure/arm-authorization', '@azure/arm-monitor', '@azure/arm-locks', '@azure/arm-resources-subscriptions'].map((m) => import(m)));
    // A warm-up capture, then one without added latency: the time the work itself takes (JSON over loopback, parsing, the emulator).
    await captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens });
    let started = performance.now();
    await captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens });
    const processing = performance.now() - started;
    await t.control('faults', { method: 'POST', body: { method: '*', path: '/^\\/(subscriptions|tenants)/', latencyMs: latency } });
    await t.control('requests', { method: 'DELETE' });
    started = performance.now();
    const captured = await captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens });
    const ms = performance.now() - started;
    const counted = (await t.control('requests')) as { routes: Record<string, number> };
    const issued = Object.entries(counted.routes).filter(([k]) => !k.includes(' entra ')).reduce((a, [, n]) => a + n, 0);

    // The minimum: every list page and every read the rules need, once.
    const count = (type: string, under?: string) => estate.resources.filter((r) => r.type === type && (!under || r.id.toLowerCase().startsWith(under.toLowerCase() + '/'))).length;
    const pages = (n: number) => Math.max(1, Math.ceil(n / pageSize));
    let minimum = 1 + pages(spec.subscriptions); // tenants, and the subscription list
    let longestSub = 0;
    for (const sub of estate.subscriptions) {
      const scope = `/subscriptions/${sub.subscriptionId}`;
      const vaults = estate.resources.filter((r) => r.type === 'Microsoft.RecoveryServices/vaults' && r.id.startsWith(scope + '/'));
      const kvs = count('Microsoft.KeyVault/vaults', scope);
      const lists = [pages(vaults.length), pages(count('Microsoft.Migrate/migrateProjects', scope)), pages(count('Microsoft.Compute/diskEncryptionSets', scope)), pages(kvs), pages(count('Microsoft.Authorization/roleAssignments', scope)), pages(count('Microsoft.ManagedIdentity/userAssignedIdentities', scope)), 1, 1];
      minimum += lists.reduce((a, b) => a + b, 0);
      let itemPages = 0;
      for (const v of vaults) {
        const items = count('Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems', v.id);
        minimum += 1 + pages(items) + 1;
        itemPages = Math.max(itemPages, pages(items));
      }
      minimum += 2 * count('Microsoft.Migrate/migrateProjects', scope) + 2 * kvs;
      longestSub = Math.max(longestSub, Math.max(...lists) + itemPages);
    }
    const keysInUse = new Set(estate.resources.filter((r) => r.type === 'Microsoft.Compute/diskEncryptionSets').map((d) => String((d.properties as { activeKey: { keyUrl: string } }).activeKey.keyUrl).split('/').slice(0, 5).join('/')));
    const versionsInUse = new Set(estate.resources.filter((r) => r.type === 'Microsoft.Compute/diskEncryptionSets').map((d) => String((d.properties as { activeKey: { keyUrl: string } }).activeKey.keyUrl)));
    minimum += keysInUse.size + versionsInUse.size;
    // Critical path: subscriptions, the longest chain of pages inside one subscription, then the key reads;
    // the capture can never be faster than that chain of latencies nor than its own processing time.
    const latencyChain = (1 + longestSub + 1) * latency;
    const criticalPath = Math.max(latencyChain, processing);
    const servers = captured.resources.filter((r) => r.type.endsWith('/replicationMigrationItems')).length;
    record({ name: 'inventory: servers captured', value: servers, unit: 'servers', note: `expected ${spec.servers}` });
    if (servers !== spec.servers) results[results.length - 1]!.ok = false;
    record({ name: 'inventory: ARM requests / minimum', value: Number((issued / minimum).toFixed(2)), unit: '×', budget: 1.1, note: `${issued} issued, ${minimum} needed` });
    record({ name: 'inventory: wall time / critical path', value: Number((ms / criticalPath).toFixed(2)), unit: '×', budget: 2, note: `${Math.round(ms)} ms with ${latency} ms per request; bound max(${latencyChain} ms of latency chain, ${Math.round(processing)} ms of processing)` });
    record({ name: 'inventory: gaps', value: captured.gaps?.length ?? 0, unit: 'gaps', budget: 0 });
  } finally {
    t.stop();
  }
}

/** Starts `npm run emulator -- --generate …` on a free port and waits until it answers. */
async function spawnEmulator(generate: string, pageSize: number) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'emulator/src/main.ts'), '--generate', generate, '--port', String(port), '--page-size', String(pageSize), '--quiet'], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/_emulator/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const control = async (path: string, init?: { method?: string; body?: unknown }) =>
    (await fetch(`${base}/_emulator/${path}`, { method: init?.method ?? 'GET', headers: { 'content-type': 'application/json' }, body: init?.body === undefined ? undefined : JSON.stringify(init.body) })).json() as Promise<Record<string, unknown>>;
  const tokens = (who: keyof typeof USERS) =>
    new PasswordTokenSource({ tokenEndpoint: `${base}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, clientId: DEMO_CLI_CLIENT_ID, username: USERS[who].userPrincipalName, password: DEMO_PASSWORD, scope: 'https://management.azure.com/user_impersonation' });
  return { base, control, tokens, stop: () => child.kill() };
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

/** Chromium, 10,000 rows: from a keystroke in the filter box to the rows on screen (next frame). */
async function grid(): Promise<void> {
  if (!existsSync(join(root, 'out', 'index.html'))) {
    record({ name: 'grid: filter 10,000 rows', value: 0, unit: 'ms', note: 'no build: run npm run build first' });
    results[results.length - 1]!.ok = false;
    return;
  }
  const server = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/start.ts'), '--no-build', '--quiet'], {
    env: { ...process.env, LOCKSTEP_GENERATE: 'servers=10000,subscriptions=20,vaults=40,des=100,keyvaults=100' },
    stdio: 'ignore',
  });
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.LOCKSTEP_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined), args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch('http://localhost:3000/')).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto('http://localhost:3000/');
    await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
    await page.getByRole('button', { name: /Iris de Vries/ }).click();
    await page.waitForURL(/\/overview\/$/);
    const started = Date.now();
    await page.goto('http://localhost:3000/servers/');
    await page.getByText('Showing 10000 of 10000 servers').waitFor({ timeout: 120_000 });
    const firstRows = Date.now() - started;
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __times: number[] };
      w.__times = [];
      const input = document.querySelector('input[aria-label="Filter servers"]')!;
      input.addEventListener('input', () => (w.__t0 = performance.now()), true);
      const caption = [...document.querySelectorAll('span')].find((e) => e.textContent?.startsWith('Showing '))!;
      new MutationObserver(() => requestAnimationFrame(() => setTimeout(() => w.__times.push(performance.now() - w.__t0), 0))).observe(caption, { childList: true, characterData: true, subtree: true });
    });
    const box = page.getByRole('searchbox', { name: 'Filter servers' });
    await box.click();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('7');
      await page.waitForFunction(() => !/of 10000 servers/.test(document.body.innerText) || /Showing [0-9]{1,4} of 10000/.test(document.body.innerText));
      await page.waitForTimeout(150);
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() => /Showing 10000 of 10000/.test(document.body.innerText));
      await page.waitForTimeout(150);
    }
    const times = (await page.evaluate(() => (window as unknown as { __times: number[] }).__times)).slice(2).sort((a, b) => a - b);
    record({ name: 'grid: servers page ready, 10,000 rows', value: firstRows, unit: 'ms', note: 'sign-in done; includes reading the estate' });
    record({ name: 'grid: keystroke → rows painted, median', value: Math.round(times[Math.floor(times.length / 2)] ?? 0), unit: 'ms', budget: 100, note: `${times.length} keystrokes, max ${Math.round(times[times.length - 1] ?? 0)} ms` });
  } finally {
    await browser.close();
    server.kill();
  }
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
  if (!only || only === 'grid') await grid();
  console.log('\nbenchmark'.padEnd(48) + 'value'.padStart(10) + '  budget');
  for (const r of results) console.log(`${r.ok ? '✓' : '✖'} ${r.name.padEnd(45)} ${String(r.value).padStart(8)} ${r.unit.padEnd(9)} ${r.budget ?? '—'}${r.note ? `   (${r.note})` : ''}`);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

void main();

/**
 * `npm run bench`: benchmarks with budgets (counts and sizes, never timed tests). Prints a table and
 * writes bench/results/latest.json; exits non-zero when a budget is broken. `npm run bench -- --only GROUP` runs one
 * group and prints its results as JSON.
 *   inventory  — the ARM SDK clients read a generated 10,000-server estate whose lists leave disks out, as
 *                ARM's do: requests ≤ 1.05× the minimum (lists + one GET per such item), wall time ≤ 1.3× the
 *                bound ARM's read throttle or the latency chain sets, a refresh ≤ 1.05× the lists alone.
 *                LOCKSTEP_BENCH_QUICK=1 skips the all-vaults-in-one-subscription layout (about 7 minutes).
 *   rules      — normalising and evaluating a generated 10,000-server estate in Node.
 *   bundle     — each route's first-load JavaScript (gzip; signed-out ≤ 250 kB, portal pages ≤ 350 kB) and proof that no
 *                ARM SDK is in it.
 *   grid       — Chromium with 10,000 rows: a keystroke in the filter to the rows painted, beside a bare Fluent Table +
 *                TanStack Virtual page and a plain DOM page over the same rows (bench/reference), typed in alternating
 *                rounds; opening the file, the longest task, a sort click and a server's pane; then opening and typing
 *                at 50,000 rows (reported).
 *
 * What a page's first load is made of: bench/bundle-analysis.ts (after LOCKSTEP_ANALYZE=1 npx next build).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateEstate, type GenerateSpec } from '../emulator/src/generate';
import { normalize } from '../lib/estate/normalize';
import { evaluate } from '../lib/readiness/evaluate';
import { serverRows, type ServerRow } from '../lib/readiness/rows';
import { spawn } from 'node:child_process';
import { DEMO_CLI_CLIENT_ID, DEMO_PASSWORD, DEMO_TENANT_ID, USERS } from '../emulator/src/demo';
import { PasswordTokenSource } from '../lib/auth/password-token-source';
import { captureEstate, type DetailCache } from '../lib/azure/inventory';

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

const READ_BUCKET = 250;
const READ_REFILL = 25;

async function inventory(): Promise<void> {
  // The issue's figure: 10,000 servers, 20 subscriptions, 40 Recovery Services vaults, 100 DES, 100 key vaults, 50 ms
  // added to every ARM request, lists trimmed as ARM trims them; then the same with all 40 vaults in one subscription.
  await inventoryLayout('20 subscriptions', { servers: 10_000, subscriptions: 20, vaults: 40, des: 100, keyvaults: 100 });
  if (process.env.LOCKSTEP_BENCH_QUICK !== '1')
    await inventoryLayout('vaults in 1 subscription', { servers: 10_000, subscriptions: 20, vaults: 40, des: 100, keyvaults: 100, vaultsubscriptions: 1 });
}

async function inventoryLayout(label: string, spec: GenerateSpec): Promise<void> {
  const latency = 50;
  const pageSize = 100;
  const estate = generateEstate(spec);
  // The emulator runs in its own process, as it does for the app: the bench measures the client.
  const t = await spawnEmulator(
    Object.entries(spec)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    pageSize,
  );
  try {
    const tokens = t.tokens('consultant');
    await tokens.getArmToken();
    // Load the SDK modules first: that one-time cost is not the inventory's.
    await Promise.all(
      [
        '@azure/arm-resources',
        '@azure/arm-compute',
        '@azure/arm-keyvault',
        '@azure/arm-recoveryservices-siterecovery',
        '@azure/arm-authorization',
        '@azure/arm-monitor',
        '@azure/arm-locks',
        '@azure/arm-resources-subscriptions',
      ].map((m) => import(m)),
    );
    // A fresh throttle (and counters) for the measured capture.
    await t.control('reset', { method: 'POST' });
    await t.control('faults', { method: 'POST', body: { method: '*', path: '/^\\/(subscriptions|tenants)/', latencyMs: latency } });
    const details: DetailCache = new Map();
    let first100: number | undefined;
    let landed = 0;
    const started = performance.now();
    const captured = await captureEstate({
      cloud: { armEndpoint: t.base, allowInsecure: true },
      tokens,
      details,
      onResources: (rs) => {
        for (const r of rs)
          if (
            /replicationmigrationitems$/i.test(r.type) &&
            ((r.properties as { providerSpecificDetails?: { protectedDisks?: unknown[] } }).providerSpecificDetails?.protectedDisks?.length ?? 0) > 0
          )
            landed++;
        if (first100 === undefined && landed >= 100) first100 = performance.now() - started;
      },
    });
    const ms = performance.now() - started;
    const counted = (await t.control('requests')) as { routes: Record<string, number> };
    const armRequests = (routes: Record<string, number>) =>
      Object.entries(routes)
        .filter(([k]) => !k.includes(' entra ') && !k.startsWith('OPTIONS'))
        .reduce((a, [, n]) => a + n, 0);
    const issued = armRequests(counted.routes);

    // The minimum: every list page, every read the rules need, and one GET per item whose list entry lacks disks.
    const ITEM = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems';
    const count = (type: string, under?: string) =>
      estate.resources.filter((r) => r.type === type && (!under || r.id.toLowerCase().startsWith(under.toLowerCase() + '/'))).length;
    const pages = (n: number) => Math.max(1, Math.ceil(n / pageSize));
    let listMinimum = 1 + pages(spec.subscriptions); // tenants, and the subscription list
    let detailMinimum = 0;
    let longestSub = 0;
    let throttleBound = 0;
    for (const sub of estate.subscriptions) {
      const scope = `/subscriptions/${sub.subscriptionId}`;
      const vaults = estate.resources.filter((r) => r.type === 'Microsoft.RecoveryServices/vaults' && r.id.startsWith(scope + '/'));
      const kvs = count('Microsoft.KeyVault/vaults', scope);
      // vaults, projects, identities, DES, key vaults, Managed HSMs, role assignments, custom roles, locks
      const lists = [
        pages(vaults.length),
        pages(count('Microsoft.Migrate/migrateProjects', scope)),
        pages(count('Microsoft.ManagedIdentity/userAssignedIdentities', scope)),
        pages(count('Microsoft.Compute/diskEncryptionSets', scope)),
        pages(kvs),
        1,
        pages(count('Microsoft.Authorization/roleAssignments', scope)),
        1,
        1,
      ];
      let reads = lists.reduce((a, b) => a + b, 0);
      let itemPages = 0;
      let subDetails = 0;
      for (const v of vaults) {
        const items = count(ITEM, v.id);
        // the vault, its migration items, protected items and container mappings
        reads += 1 + pages(items) + 1 + 1;
        subDetails += items;
        itemPages = Math.max(itemPages, pages(items));
      }
      reads += 2 * count('Microsoft.Migrate/migrateProjects', scope) + 2 * kvs;
      listMinimum += reads;
      detailMinimum += subDetails;
      longestSub = Math.max(longestSub, Math.max(...lists) + itemPages + 1);
      // ARM's read bucket per principal and subscription: 250 at once, then 25 a second.
      throttleBound = Math.max(throttleBound, (Math.max(0, reads + subDetails - READ_BUCKET) / READ_REFILL) * 1000);
    }
    const keysInUse = new Set(
      estate.resources
        .filter((r) => r.type === 'Microsoft.Compute/diskEncryptionSets')
        .map((d) =>
          String((d.properties as { activeKey: { keyUrl: string } }).activeKey.keyUrl)
            .split('/')
            .slice(0, 5)
            .join('/'),
        ),
    );
    const versionsInUse = new Set(
      estate.resources
        .filter((r) => r.type === 'Microsoft.Compute/diskEncryptionSets')
        .map((d) => String((d.properties as { activeKey: { keyUrl: string } }).activeKey.keyUrl)),
    );
    listMinimum += keysInUse.size + versionsInUse.size;
    const minimum = listMinimum + detailMinimum;
    const latencyChain = (1 + longestSub + 1 + 1) * latency;
    const bound = Math.max(latencyChain, throttleBound);
    const servers = captured.resources.filter((r) => r.type.endsWith('/replicationMigrationItems')).length;
    const withDisks = captured.resources.filter(
      (r) =>
        r.type.endsWith('/replicationMigrationItems') &&
        ((r.properties as { providerSpecificDetails?: { protectedDisks?: unknown[] } }).providerSpecificDetails?.protectedDisks?.length ?? 0) > 0,
    ).length;
    record({
      name: `inventory (${label}): servers with disk details`,
      value: withDisks,
      unit: 'servers',
      note: `of ${servers} captured, ${spec.servers} expected`,
    });
    if (servers !== spec.servers || withDisks !== spec.servers) results[results.length - 1]!.ok = false;
    record({
      name: `inventory (${label}): ARM requests / minimum`,
      value: Number((issued / minimum).toFixed(3)),
      unit: '×',
      budget: 1.05,
      note: `${issued} issued, ${minimum} needed (${detailMinimum} detail GETs)`,
    });
    record({
      name: `inventory (${label}): wall time / bound`,
      value: Number((ms / bound).toFixed(2)),
      unit: '×',
      budget: 1.3,
      note: `${Math.round(ms)} ms with ${latency} ms per request; bound max(${latencyChain} ms latency chain, ${Math.round(throttleBound)} ms read throttle)`,
    });
    record({
      name: `inventory (${label}): first 100 servers with their disks`,
      value: Math.round(first100 ?? ms),
      unit: 'ms',
      note: 'the DES, vault and key lists are read before details, so these servers can be judged',
    });
    record({ name: `inventory (${label}): gaps`, value: captured.gaps?.length ?? 0, unit: 'gaps', budget: 0 });

    // A refresh with nothing changed: the lists again, no detail GET.
    await t.control('requests', { method: 'DELETE' });
    const again = performance.now();
    await captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens, details });
    const refreshMs = performance.now() - again;
    const refreshed = armRequests(((await t.control('requests')) as { routes: Record<string, number> }).routes);
    record({
      name: `inventory (${label}): refresh requests / list-only minimum`,
      value: Number((refreshed / listMinimum).toFixed(3)),
      unit: '×',
      budget: 1.05,
      note: `${refreshed} issued, ${listMinimum} needed, ${Math.round(refreshMs)} ms`,
    });
  } finally {
    t.stop();
  }
}

/** Starts `npm run emulator -- --generate …` on a free port and waits until it answers. */
async function spawnEmulator(generate: string, pageSize: number) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, 'emulator/src/main.ts'),
      '--generate',
      generate,
      '--port',
      String(port),
      '--page-size',
      String(pageSize),
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/_emulator/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const control = async (path: string, init?: { method?: string; body?: unknown }) =>
    (
      await fetch(`${base}/_emulator/${path}`, {
        method: init?.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      })
    ).json() as Promise<Record<string, unknown>>;
  const tokens = (who: keyof typeof USERS) =>
    new PasswordTokenSource({
      tokenEndpoint: `${base}/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      clientId: DEMO_CLI_CLIENT_ID,
      username: USERS[who].userPrincipalName,
      password: DEMO_PASSWORD,
      scope: 'https://management.azure.com/user_impersonation',
    });
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

/** The rows Lockstep's grid shows for a capture, judged as of its capture (findings left out: the grid does not draw them). */
function readinessRows(file: ReturnType<typeof generateEstate>): ServerRow[] {
  const estate = normalize(file);
  const evaluation = evaluate(estate, { now: Date.parse(file.capturedAt) / 1000 });
  return serverRows(estate, evaluation).map((r) => ({
    ...r,
    findings: [],
    topFinding: r.topFinding && ({ ruleId: r.topFinding.ruleId, message: r.topFinding.message, severity: r.topFinding.severity } as ServerRow['topFinding']),
  }));
}

/**
 * Opens `capture` as an estate file on the signed-out page, goes to the servers page and waits for all `total` rows:
 * the time from choosing the file to the rows shown, and every main-thread task over 50 ms meanwhile.
 */
async function openCapture(browser: Browser, capture: string, total: number): Promise<{ page: Page; firstRows: number; long: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // The landing page loaded as a visitor sees it before choosing a file: its lazy chunks (sign-in, providers) fetched.
  await page.goto('http://localhost:3000/', { waitUntil: 'networkidle' });
  // Only the tasks that start once the file is chosen are the load's: the landing page's own start-up (MSAL and the
  // providers loading after its first paint) is not, and used to land in the figure when the file came quickly.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __from: number };
    w.__long = [];
    w.__from = Infinity;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => e.startTime >= w.__from && w.__long.push(e.duration))).observe({ entryTypes: ['longtask'] });
  });
  await page.evaluate(() => ((window as unknown as { __from: number }).__from = performance.now()));
  const started = Date.now();
  await page.getByLabel('Estate file').setInputFiles(capture);
  await page.waitForURL(/\/overview\/$/, { timeout: 300_000 });
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' }).click();
  // Waits by reading text only: a locator's polling checks visibility, which lays the page out in its own long tasks.
  await page.waitForFunction((caption) => document.body.textContent?.includes(caption), `Showing ${total} of ${total} servers`, {
    timeout: 300_000,
    polling: 50,
  });
  const firstRows = Date.now() - started;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return { page, firstRows, long };
}

/**
 * Keystroke → rows painted, on a page that shows "Showing N of T servers" and has a box labelled "Filter servers":
 * from the input event to the frame after the caption changed. The probe reads only the caption, so the harness itself
 * forces no layout of the page.
 */
async function typingProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __times: number[]; __caption: () => string };
    w.__times = [];
    const input = document.querySelector('input[aria-label="Filter servers"]')!;
    input.addEventListener('input', () => (w.__t0 = performance.now()), true);
    const caption = [...document.querySelectorAll('span')].find((e) => e.textContent?.startsWith('Showing '))!;
    w.__caption = () => caption.textContent ?? '';
    new MutationObserver(() => requestAnimationFrame(() => setTimeout(() => w.__times.push(performance.now() - w.__t0), 0))).observe(caption, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

/** One round on a page with the probe: `7` then Backspace, `pairs` times; the page is brought to the front first. */
async function typeRound(page: Page, total: number, pairs: number): Promise<number[]> {
  await page.bringToFront();
  await page.evaluate(() => ((window as unknown as { __times: number[] }).__times = []));
  const caption = (re: string) =>
    page.waitForFunction((source) => new RegExp(source).test((window as unknown as { __caption: () => string }).__caption()), re, { polling: 50 });
  await page.locator('input[aria-label="Filter servers"]').click();
  for (let i = 0; i < pairs; i++) {
    await page.keyboard.press('7');
    await caption(`Showing (?!${total} of)[0-9]+ of ${total}`);
    await page.waitForTimeout(150);
    await page.keyboard.press('Backspace');
    await caption(`Showing ${total} of ${total}`);
    await page.waitForTimeout(150);
  }
  return page.evaluate(() => (window as unknown as { __times: number[] }).__times);
}

/**
 * Keystrokes on each page in turn, in alternating rounds: this machine's speed drifts by a third within a minute, so
 * figures taken one page after the other compared the drift as much as the grids. The first round on each page warms it
 * up and is not counted.
 */
async function typingTimes(pages: { page: Page; total: number }[], rounds = 5, pairs = 4): Promise<number[][]> {
  const times = pages.map(() => [] as number[]);
  for (let round = 0; round <= rounds; round++) {
    for (const [i, { page, total }] of pages.entries()) {
      const t = await typeRound(page, total, pairs);
      if (round > 0) times[i]!.push(...t);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b));
}

/**
 * Click → painted, measured in the page: `kind` 'sort' clicks "Sort by Server" and waits for the commit that re-sorts
 * the rows (the header's aria-sort changes in it); 'pane' clicks the second data row and waits for the server's pane, then closes it with Escape. The
 * time runs from the click to the first frame after the change (a timeout after requestAnimationFrame, as typing).
 */
async function clickTimes(page: Page, kind: 'sort' | 'pane', n = 7): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    times.push(
      await page.evaluate(
        (kind) =>
          new Promise<number>((resolve, reject) => {
            // No named inner functions: tsx would wrap them in a helper the page does not have.
            const grid = document.querySelector('[role="grid"]');
            // A sort is drawn in one commit with the header's aria-sort: the first frame after it changes holds the rows.
            const before = grid?.querySelector('button[aria-label="Sort by Server"]')?.closest('[aria-sort]')?.getAttribute('aria-sort') ?? '';
            const target =
              kind === 'sort'
                ? document.querySelector<HTMLElement>('button[aria-label="Sort by Server"]')
                : document.querySelector<HTMLElement>('[role="grid"] [aria-rowindex="3"] [role="gridcell"]:nth-child(2)');
            if (!target) return reject(new Error(`nothing to click for ${kind}`));
            const t0 = performance.now();
            setTimeout(() => reject(new Error(`${kind}: nothing changed within 10 s`)), 10_000);
            const observer = new MutationObserver(() => {
              const changed =
                kind === 'sort'
                  ? (document.querySelector('button[aria-label="Sort by Server"]')?.closest('[aria-sort]')?.getAttribute('aria-sort') ?? '') !== before
                  : !!document.querySelector('[role="dialog"] h2');
              if (!changed) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-sort'] });
            target.click();
          }),
        kind,
      ),
    );
    if (kind === 'pane') {
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
    }
    await page.waitForTimeout(200);
  }
  return times.slice(1).sort((a, b) => a - b);
}

/** A reference page (bench/reference/`entry`), bundled with esbuild, served locally over `rows` and opened. */
async function referencePage(browser: Browser, rows: ServerRow[], entry: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-ref-'));
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'bench', 'reference', entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dir, 'page.js'),
    logLevel: 'error',
    tsconfig: join(root, 'tsconfig.json'),
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="./page.js"></script></body></html>');
  writeFileSync(join(dir, 'rows.json'), JSON.stringify(rows));
  const files: Record<string, string> = { '/': 'index.html', '/page.js': 'page.js', '/rows.json': 'rows.json' };
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', json: 'application/json' };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[file.split('.').pop()!]! }).end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const close = async () => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.getByText(`Showing ${rows.length} of ${rows.length} servers`).waitFor({ timeout: 60_000 });
    return { page, close: async () => (await page.close(), close()) };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Chromium, 10,000 rows: from a keystroke in the filter box to the rows on screen (next frame). */
async function grid(): Promise<void> {
  if (!existsSync(join(root, 'out', 'index.html'))) {
    record({ name: 'grid: filter 10,000 rows', value: 0, unit: 'ms', note: 'no build: run npm run build first' });
    results[results.length - 1]!.ok = false;
    return;
  }
  // The grid, not the inventory: a generated 10,000-server capture opened as a file (Open estate file), so no ARM read
  // throttle is in the figure (reading 10,000 items' disk details from ARM takes minutes; that is the inventory group's).
  const capture = join(tmpdir(), `lockstep-bench-${process.pid}.json`);
  const estateFile = generateEstate({ servers: 10_000, subscriptions: 20, vaults: 40, des: 100, keyvaults: 100 });
  writeFileSync(capture, JSON.stringify(estateFile));
  const server = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/start.ts'), '--no-build', '--quiet'], {
    stdio: 'ignore',
  });
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.LOCKSTEP_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch('http://localhost:3000/')).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const { page, firstRows, long } = await openCapture(browser, capture, 10_000);
    const gridRows = readinessRows(estateFile);
    const ref = await referencePage(browser, gridRows, 'bare-grid.tsx');
    const plain = await referencePage(browser, gridRows, 'plain-grid.ts').catch(async (e: unknown) => {
      await ref.close();
      throw e;
    });
    let times: number[], reference: number[], floor: number[];
    try {
      for (const p of [page, ref.page, plain.page]) await typingProbe(p);
      [times, reference, floor] = (await typingTimes([
        { page, total: 10_000 },
        { page: ref.page, total: 10_000 },
        { page: plain.page, total: 10_000 },
      ])) as [number[], number[], number[]];
    } finally {
      // Their local servers would keep the bench's process alive after a failure.
      await ref.close();
      await plain.close();
    }
    await page.bringToFront();
    const sorts = await clickTimes(page, 'sort');
    const panes = await clickTimes(page, 'pane');
    record({
      name: 'grid: file opened → 10,000 rows shown',
      value: firstRows,
      unit: 'ms',
      budget: 3000,
      note: 'parse, normalise, judge, Overview, then the grid',
    });
    record({
      name: 'grid: longest main-thread task meanwhile',
      value: Math.round(Math.max(0, ...long)),
      unit: 'ms',
      budget: 50,
      note: `${long.length} tasks over 50 ms (PerformanceObserver longtask)`,
    });
    const median = (t: number[]) => t[Math.floor(t.length / 2)] ?? 0;
    record({
      name: 'grid: keystroke → rows painted, median',
      value: Math.round(median(times)),
      unit: 'ms',
      budget: 16.7,
      note: `${times.length} keystrokes, max ${Math.round(times[times.length - 1] ?? 0)} ms`,
    });
    record({
      name: 'grid: the same, bare Fluent Table + Virtual',
      value: Math.round(median(reference)),
      unit: 'ms',
      note: `reference, same rows and harness, in rounds alternating with Lockstep's; ${reference.length} keystrokes, max ${Math.round(reference[reference.length - 1] ?? 0)} ms`,
    });
    record({
      name: 'grid: the same, plain DOM page',
      value: Math.round(median(floor)),
      unit: 'ms',
      note: `no framework: the same rows, columns, frozen first column and filter, text rewritten in place; what this browser needs before any library; ${floor.length} keystrokes, max ${Math.round(floor[floor.length - 1] ?? 0)} ms; reported, no budget`,
    });
    record({
      name: 'grid: sort click → rows painted, median',
      value: Math.round(median(sorts)),
      unit: 'ms',
      budget: 50,
      note: `${sorts.length} clicks on Sort by Server, 10,000 rows, max ${Math.round(sorts[sorts.length - 1] ?? 0)} ms`,
    });
    record({
      name: "grid: row click → server's pane painted, median",
      value: Math.round(median(panes)),
      unit: 'ms',
      budget: 100,
      note: `${panes.length} panes opened, max ${Math.round(panes[panes.length - 1] ?? 0)} ms`,
    });
    record({
      name: 'grid: keystroke ÷ bare reference',
      value: Number((median(times) / Math.max(1, median(reference))).toFixed(2)),
      unit: '×',
      budget: 1.3,
    });

    // The same at 50,000 servers, reported beside the 10,000 figures (no budget: the issue asks for the figure).
    rmSync(capture, { force: true });
    const big = generateEstate({ servers: 50_000, subscriptions: 40, vaults: 80, des: 200, keyvaults: 200 });
    writeFileSync(capture, JSON.stringify(big));
    const { page: page50, firstRows: shown50, long: long50 } = await openCapture(browser, capture, 50_000);
    await typingProbe(page50);
    const [times50] = (await typingTimes([{ page: page50, total: 50_000 }], 2)) as [number[]];
    record({ name: 'grid: file opened → 50,000 rows shown', value: shown50, unit: 'ms', note: 'reported, no budget' });
    record({
      name: 'grid: longest main-thread task meanwhile, 50,000 rows',
      value: Math.round(Math.max(0, ...long50)),
      unit: 'ms',
      note: `${long50.length} tasks over 50 ms; reported, no budget`,
    });
    record({
      name: 'grid: keystroke → rows painted at 50,000 rows, median',
      value: Math.round(median(times50)),
      unit: 'ms',
      note: `${times50.length} keystrokes, max ${Math.round(times50[times50.length - 1] ?? 0)} ms; reported, no budget`,
    });
  } finally {
    await browser.close();
    server.kill();
    rmSync(capture, { force: true });
  }
}

function bundle(): void {
  const out = join(root, 'out');
  if (!existsSync(join(out, 'index.html'))) {
    record({ name: 'bundle: landing page', value: 0, unit: 'kB', note: 'no build: run npm run build first' });
    results[results.length - 1]!.ok = false;
    return;
  }
  // First-load JavaScript per route: the scripts each exported page names (chunks loaded later, on use, are not counted).
  const routes: [string, string, number][] = [
    ['signed-out page', 'index.html', 250],
    ['Overview', 'overview/index.html', 350],
    ['Replicating servers', 'servers/index.html', 350],
    ['Re-replicate', 'servers/re-replicate/index.html', 350],
    ['Disk encryption sets', 'disk-encryption-sets/index.html', 350],
    ['Guided setup (wizard)', 'disk-encryption-sets/create/index.html', 350],
    ['Repair', 'disk-encryption-sets/repair/index.html', 350],
    ['Key vaults', 'key-vaults/index.html', 350],
    ['Compliance', 'compliance/index.html', 350],
    ['Compliance report', 'compliance/report/index.html', 350],
    ['Rules', 'rules/index.html', 350],
    ['Settings', 'settings/index.html', 350],
  ];
  let sdkInFirstLoad = 0;
  const sizes = new Map<string, { min: number; gz: number }>();
  const sizeOf = (src: string) => {
    if (!sizes.has(src)) {
      const code = readFileSync(join(out, src.split('?')[0]!));
      sizes.set(src, { min: code.length, gz: gzipSync(code).length });
      // The SDKs' own URL templates; Lockstep's factory only names the classes it imports lazily.
      if (/\/providers\/Microsoft\.(Compute|KeyVault|RecoveryServices|Authorization)\/[\w/]*\{/.test(code.toString('utf8'))) sdkInFirstLoad++;
    }
    return sizes.get(src)!;
  };
  for (const [label, file, budget] of routes) {
    if (!existsSync(join(out, file))) continue;
    const html = readFileSync(join(out, file), 'utf8');
    // A noModule script (Next.js's legacy polyfills) is never fetched by a browser that runs modules: not first load.
    const scripts = [
      ...new Set([...html.matchAll(/<script([^>]+)>/g)].filter((m) => !/\snoModule/i.test(m[1]!)).map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])),
    ].filter((src): src is string => !!src);
    const total = scripts.map(sizeOf).reduce((a, x) => ({ min: a.min + x.min, gz: a.gz + x.gz }), { min: 0, gz: 0 });
    record({
      name: `bundle: ${label}, first-load JS gzip`,
      value: Math.round(total.gz / 1000),
      unit: 'kB',
      budget,
      note: `${Math.round(total.min / 1000)} kB minified`,
    });
  }
  record({ name: 'bundle: ARM SDK chunks in first load', value: sdkInFirstLoad, unit: 'chunks', budget: 0 });
}

async function main() {
  // `npm run bench -- --only grid` (or the group alone, as before) runs one group and prints its JSON.
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : args[0];
  if (only && !['inventory', 'rules', 'bundle', 'grid'].includes(only)) {
    console.error(`bench: unknown group ${only} (inventory, rules, bundle, grid)`);
    process.exit(2);
  }
  if (!only || only === 'inventory') await inventory();
  if (!only || only === 'rules') rules();
  if (!only || only === 'bundle') bundle();
  if (!only || only === 'grid') await grid();
  console.log('\nbenchmark'.padEnd(48) + 'value'.padStart(10) + '  budget');
  for (const r of results)
    console.log(
      `${r.ok ? '✓' : '✖'} ${r.name.padEnd(45)} ${String(r.value).padStart(8)} ${r.unit.padEnd(9)} ${r.budget ?? '—'}${r.note ? `   (${r.note})` : ''}`,
    );
  if (only) console.log(JSON.stringify(results, null, 2));
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

void main();

/**
 * `npm test`: type check, lint, unit and contract tests, the Azure CLI conformance suite, a production build, Playwright end to end.
 * Finds a Chromium itself (LOCKSTEP_CHROMIUM, /usr/bin/chromium, Playwright's own, or apt-get as root).
 * Ends with one line "N passed, N failed" over every test that ran.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnvConfig } from '@next/env';
import { buildStamp, isBuildCurrent, writeStamp } from './build-stamp';

const root = resolve(__dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules', '.bin', name);
const timings: [string, number][] = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name: string, cmd: string, args: string[], env: Record<string, string> = {}): number {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  timings.push([name, Date.now() - started]);
  return r.status ?? 1;
}

/**
 * Checks that share nothing, run at once (tsc and eslint each keep one core busy): each one's output is printed whole when it
 * ends, so the log reads as if they had run one after the other. Says which one failed, after all of them have ended.
 */
async function together(steps: [name: string, cmd: string, args: string[]][]): Promise<string | undefined> {
  const results = await Promise.all(
    steps.map(
      ([name, cmd, args]) =>
        new Promise<[string, number, string, number]>((done) => {
          const started = Date.now();
          const child = spawn(cmd, args, { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (out += d.toString()));
          child.on('error', (e) => (out += `${e.message}\n`));
          child.on('close', (code) => done([name, code ?? 1, out, Date.now() - started]));
        }),
    ),
  );
  for (const [name, code, out, ms] of results) {
    console.log(`\n▶ ${name}${steps.length > 1 ? ' (alongside the others)' : ''}`);
    if (out) process.stdout.write(out);
    timings.push([name, ms]);
    if (code !== 0) console.log(`${name}: exit ${code}`);
  }
  const failedStep = results.find(([, code]) => code !== 0);
  return failedStep && `${failedStep[0]} failed`;
}

function finish(problem?: string): never {
  console.log('\n── Summary ──');
  for (const [name, ms] of timings) console.log(`  ${name.padEnd(28)} ${(ms / 1000).toFixed(1)} s`);
  if (problem) console.log(`\n✖ ${problem}`);
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(problem || failed > 0 ? 1 : 0);
}

function findChromium(): string | undefined {
  const explicit = process.env.LOCKSTEP_CHROMIUM;
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    finish(`LOCKSTEP_CHROMIUM is set to ${explicit}, which does not exist.`);
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const own = (require('@playwright/test') as typeof import('@playwright/test')).chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright's own browser: no path needed.
  } catch {
    /* not installed */
  }
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('\n▶ Installing Chromium (apt-get install chromium)');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  finish(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; with internet access: `npx playwright install chromium`), or set LOCKSTEP_CHROMIUM=/path/to/chrome.',
  );
}

function countVitest(file: string): void {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}

function countPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  passed += r.stats.expected;
  failed += r.stats.unexpected + r.stats.flaky;
  skipped += r.stats.skipped;
}

/** The official Azure CLI for the conformance suite: on PATH, or (as root on Debian) installed with apt-get, as Chromium is. */
function findAzureCli(): void {
  const has = () =>
    spawnSync('az', ['version', '--output', 'none'], {
      stdio: 'ignore',
      env: { ...process.env, AZURE_CORE_COLLECT_TELEMETRY: 'false', HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
    }).status === 0;
  if (has()) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('\n▶ Installing the Azure CLI (apt-get install azure-cli)');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'azure-cli'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (has()) return;
  }
  finish(
    'The Azure CLI conformance suite needs the official Azure CLI (az). Install it (Debian/Ubuntu: `sudo apt-get install azure-cli`; elsewhere: https://learn.microsoft.com/cli/azure/install-azure-cli) and run npm test again.',
  );
}

async function main(): Promise<void> {
  rmSync(resolve(root, 'test-results'), { recursive: true, force: true });
  mkdirSync(resolve(root, 'test-results'), { recursive: true });
  const checks = await together([
    ['Type check (tsc)', bin('tsc'), ['--noEmit', '-p', '.']],
    ['Lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']],
    ['Format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '**/*.{ts,tsx,mjs,js}']],
  ]);
  if (checks) finish(checks);
  const unitFile = resolve(root, 'test-results', 'unit-results.json');
  const unit = run('Unit + contract (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`]);
  countVitest(unitFile);
  if (unit !== 0) finish('Unit or contract tests failed');

  findAzureCli();
  const chromium = findChromium();
  loadEnvConfig(root, false, { info: () => undefined, error: console.error });
  const stamp = buildStamp(root, process.env);
  const buildCurrent = isBuildCurrent(root, stamp);
  if (buildCurrent) console.log('\n▶ Production build is current');
  // The Azure CLI spends its time starting Python, one process per command, on one core: the production build takes
  // the other side by side (measured: 96 s and 55 s one after the other).
  const azFile = resolve(root, 'test-results', 'conformance-results.json');
  const slow = await together([
    [
      'Azure CLI conformance (vitest)',
      bin('vitest'),
      ['run', '--config', 'vitest.conformance.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${azFile}`],
    ],
    ...(buildCurrent ? [] : [['Production build (next build)', bin('next'), ['build']] as [string, string, string[]]]),
  ]);
  countVitest(azFile);
  if (slow) finish(slow);
  if (!buildCurrent) writeStamp(root, stamp);
  const e2eFile = resolve(root, 'test-results', 'e2e-results.json');
  const e2e = run('End to end (playwright)', bin('playwright'), ['test'], chromium ? { LOCKSTEP_CHROMIUM: chromium } : {});
  countPlaywright(e2eFile);
  finish(e2e !== 0 ? 'End-to-end tests failed' : undefined);
}

void main();

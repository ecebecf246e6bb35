/**
 * `npm run screenshots`: every page of Lockstep at 1366 and 1920 px wide, light and dark, as full-page PNGs in
 * screenshots/ (ignored by git), so a change to a page is looked at, not assumed. Serves the production build on the
 * emulator (run `npm run build` first) unless something already answers on port 3000.
 * Flags: --only=<name,...> (pages by name), --widths=1366,1920, --themes=light,dark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

const root = resolve(__dirname, '..');
const APP = 'http://localhost:3000';
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

type Who = 'consultant' | 'engineer' | 'ciso' | 'nobody';
interface Shot {
  name: string;
  who: Who;
  path: string;
  /** What to do after the page has loaded (open a pane, pick a step). */
  then?: (page: Page) => Promise<void>;
}

const USERS: Record<Exclude<Who, 'nobody'>, string> = { consultant: 'Iris de Vries', engineer: 'Sam Okafor', ciso: 'Ruth Bakker' };

/** The demo estate's vault without purge protection: the repair page's example finding (LS-KV-002). */
const legacyVault = (
  JSON.parse(readFileSync(join(root, 'emulator', 'estates', 'contoso-health.json'), 'utf8')) as { resources: { id: string; name: string }[] }
).resources.find((r) => r.name === 'kv-chx-legacy-weu')?.id;

const SHOTS: Shot[] = [
  { name: 'landing', who: 'nobody', path: '/' },
  { name: 'overview', who: 'consultant', path: '/overview/' },
  { name: 'servers', who: 'consultant', path: '/servers/' },
  {
    name: 'servers-pane',
    who: 'consultant',
    path: '/servers/?verdict=blocked&q=PACS-APP-01',
    then: async (page) => {
      await page
        .getByRole('grid', { name: 'Replicating servers' })
        .getByRole('row', { name: /PACS-APP-01/ })
        .click();
      await page.getByRole('dialog').getByRole('heading', { name: 'PACS-APP-01' }).waitFor();
    },
  },
  { name: 're-replicate', who: 'engineer', path: '/servers/re-replicate/' },
  { name: 'disk-encryption-sets', who: 'consultant', path: '/disk-encryption-sets/' },
  { name: 'des-create', who: 'engineer', path: '/disk-encryption-sets/create/' },
  { name: 'des-repair', who: 'engineer', path: '/disk-encryption-sets/repair/' },
  { name: 'des-repair-finding', who: 'engineer', path: `/disk-encryption-sets/repair/?rule=LS-KV-002&resource=${encodeURIComponent(legacyVault ?? '')}` },
  { name: 'key-vaults', who: 'consultant', path: '/key-vaults/' },
  { name: 'compliance', who: 'ciso', path: '/compliance/' },
  { name: 'compliance-report', who: 'ciso', path: '/compliance/report/' },
  { name: 'rules', who: 'consultant', path: '/rules/' },
  { name: 'rule', who: 'consultant', path: '/rules/LS-DES-001/' },
  { name: 'settings', who: 'consultant', path: '/settings/' },
  {
    name: 'not-found',
    who: 'consultant',
    path: '/no-such-page/',
    // The prerendered page already has its heading; the portal's frame loads after it for someone signed in.
    then: async (page) => {
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText('Page not found').waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();
    },
  },
];

async function waitForApp(): Promise<boolean> {
  try {
    return (await fetch(`${APP}/`)).ok;
  } catch {
    return false;
  }
}

/** Waits until the page has drawn its heading and nothing on it is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1, h2').first().waitFor({ timeout: 30_000 });
  await page
    .waitForFunction(
      () =>
        !document.querySelector('[role="progressbar"]:not([aria-valuenow]), .fui-Spinner') &&
        !/Preparing the setup|Reading Azure/.test(document.querySelector('main')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => console.warn(`  still loading after 30 s: ${page.url()}`));
  await page.evaluate(() => document.fonts.ready);
}

async function main() {
  if (!existsSync(join(root, 'out', 'index.html'))) {
    console.error('No build: run npm run build first.');
    process.exit(2);
  }
  const only = flag('only')?.split(',');
  const widths = (flag('widths') ?? '1366,1920').split(',').map(Number);
  const themes = (flag('themes') ?? 'light,dark').split(',') as ('light' | 'dark')[];
  const shots = SHOTS.filter((s) => !only || only.includes(s.name));
  const dir = join(root, 'screenshots');
  mkdirSync(dir, { recursive: true });

  let server: ChildProcess | undefined;
  if (!(await waitForApp())) {
    server = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/start.ts'), '--no-build', '--quiet'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 150 && !(await waitForApp()); i++) await new Promise((r) => setTimeout(r, 200));
  }
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.LOCKSTEP_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const written: string[] = [];
  try {
    for (const who of ['nobody', 'consultant', 'engineer', 'ciso'] as const) {
      const mine = shots.filter((s) => s.who === who);
      if (mine.length === 0) continue;
      const context = await browser.newContext({ viewport: { width: widths[0]!, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${APP}/`);
      if (who !== 'nobody') {
        await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
        await page.getByRole('button', { name: new RegExp(USERS[who]) }).click();
        await page.waitForURL(/\/(overview|compliance)\/$/);
      }
      for (const theme of themes) {
        await page.evaluate((t) => localStorage.setItem('lockstep.theme', t), theme);
        for (const width of widths) {
          await page.setViewportSize({ width, height: width >= 1920 ? 1080 : 768 });
          for (const shot of mine) {
            await page.goto(`${APP}${shot.path}`);
            await settled(page);
            await shot.then?.(page);
            const file = join(dir, `${shot.name}-${width}-${theme}.png`);
            // The portal scrolls inside its content pane, not the document: grow the window to the pane's content so
            // the picture holds the whole page, then put it back.
            const height = width >= 1920 ? 1080 : 768;
            const overflow = await page.evaluate(() =>
              Math.max(0, ...[...document.querySelectorAll<HTMLElement>('main')].map((e) => e.scrollHeight - e.clientHeight)),
            );
            await page.setViewportSize({ width, height: Math.min(height + overflow, 6000) });
            // Drawers and dialogs slide in: wait for every running animation, so the picture is of where they stop.
            await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
            await page.screenshot({ path: file, fullPage: true });
            await page.setViewportSize({ width, height });
            written.push(file);
            console.log(`  ${file.slice(root.length + 1)}`);
          }
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server?.kill();
  }
  console.log(`${written.length} screenshots in screenshots/`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});

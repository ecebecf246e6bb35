import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DEMO = join(__dirname, '..', 'emulator', 'estates', 'contoso-health.json');

test('a consultant opens a capture without signing in and reviews it', async ({ page }) => {
  const armCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes(':3080/subscriptions') || r.url().includes(':3080/tenants')) armCalls.push(r.url());
  });
  await page.goto('/');
  await page.getByLabel('Estate file').setInputFiles(DEMO);
  await expect(page).toHaveURL(/\/overview\/$/);
  await expect(page.getByLabel('Offline review')).toContainText('Offline review of contoso-health.json, captured 2026-11-29');
  await expect(page.getByRole('img', { name: /Servers by verdict: Blocked 29/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' }).click();
  await expect(page.getByText('Showing 71 of 71 servers')).toBeVisible();
  expect(armCalls).toEqual([]);
  await page.getByRole('button', { name: 'Close file' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft' })).toBeVisible();
});

test('a file that is not an estate is refused with the JSON path of the problem', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-e2e-'));
  const bad = join(dir, 'not-an-estate.json');
  writeFileSync(bad, JSON.stringify({ kind: 'something-else' }));
  await page.goto('/');
  await page.getByLabel('Estate file').setInputFiles(bad);
  await expect(page.getByText('not-an-estate.json is not an estate file Lockstep can read: $.kind:')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test('a name carrying U+202E shows the control instead of reversing, in the grid, the server pane and the export', async ({ page }) => {
  // A capture whose migration item was written to deceive: an override that would display "exe.jpg" for "gpj.exe".
  const file = JSON.parse(readFileSync(DEMO, 'utf8')) as { resources: { type: string; properties?: Record<string, unknown> }[] };
  const item = file.resources.find((r) => /replicationMigrationItems$/i.test(r.type) && r.properties?.machineName === 'PACS-APP-01')!;
  item.properties!.machineName = 'PACS-\u202Egpj.exe';
  item.properties!.migrationStateDescription = '\u202Egpj.exe\u202C safe-name';
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-e2e-'));
  const hostile = join(dir, 'hostile.json');
  writeFileSync(hostile, JSON.stringify(file));

  await page.goto('/');
  await page.getByLabel('Estate file').setInputFiles(hostile);
  await expect(page).toHaveURL(/\/overview\/$/);
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' }).click();
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('PACS-[U+202E]');
  const row = page.getByRole('grid', { name: 'Replicating servers' }).getByRole('row', { name: /PACS-\[U\+202E\]gpj\.exe/ });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText('[U+202E]gpj.exe[U+202C] safe-name');
  // What the reader sees carries no live control anywhere on the page.
  expect(await page.evaluate(() => /[\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText))).toBe(false);

  await row.click();
  const pane = page.getByRole('dialog');
  await expect(pane.getByRole('heading', { name: 'PACS-[U+202E]gpj.exe' })).toBeVisible();
  await pane.getByRole('switch', { name: 'JSON view' }).check();
  await expect(pane.locator('pre[aria-label="Resource JSON"]')).toContainText('"machineName": "PACS-[U+202E]gpj.exe"');
  expect(await page.evaluate(() => /[\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText))).toBe(false);
  await page.keyboard.press('Escape');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toContain('PACS-[U+202E]gpj.exe');
  expect(/[\u202A-\u202E\u2066-\u2069]/.test(csv)).toBe(false);
});

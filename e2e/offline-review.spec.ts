import { writeFileSync, mkdtempSync } from 'node:fs';
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

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { RULES } from '../lib/readiness/catalog';
import { resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('the CISO sees the same readiness as the consultant and no action that writes', async ({ page }) => {
  await signIn(page, user('CISO'));
  await expect(page.getByRole('list', { name: 'Top findings' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Servers by verdict: Blocked 29, Unprotected 8, Unknown 4, Attention 9, Ready 21' })).toBeVisible();
  await expect(page.getByLabel('Servers under a customer key')).toContainText('30 of 71 replicating servers');

  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' }).click();
  await expect(page.getByText('Showing 71 of 71 servers')).toBeVisible({ timeout: 30_000 });
  const commands = await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button').allInnerTexts();
  expect(commands.map((c) => c.trim())).toEqual(['Refresh', 'Export findings', 'Export CSV', 'Download estate']);
  await expect(page.getByRole('button', { name: /create|delete|fix|assign|grant|repair/i })).toHaveCount(0);
});

test('disk encryption sets and key vaults show health, dependents and details', async ({ page }) => {
  await signIn(page, user('Consultant'), '/disk-encryption-sets/');
  const des = page.getByRole('table', { name: 'Disk encryption sets' });
  await expect(des).toBeVisible({ timeout: 30_000 });
  await expect(des.getByRole('row', { name: /des-weu-prod-01/ })).toContainText('Healthy');
  await expect(des.getByRole('row', { name: /des-weu-legacy-01/ })).toContainText('Critical');
  await des.getByRole('row', { name: /des-weu-legacy-01/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('Essentials')).toContainText('5 servers');
  await expect(drawer.getByRole('article', { name: /LS-DES-003/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Key vaults' }).click();
  const kv = page.getByRole('table', { name: 'Key vaults' });
  await expect(kv).toBeVisible({ timeout: 30_000 });
  await kv.getByRole('row', { name: /kv-chx-exp-weu/ }).click();
  // The demo's lab key expires within 30 days of the day the emulator starts, on any date.
  const keys = page.getByRole('dialog').getByRole('table', { name: 'Keys' });
  await expect(keys).toContainText(/Expires in \d+ days/);
  const days = Number((await keys.innerText()).match(/Expires in (\d+) days/)![1]);
  expect(days).toBeGreaterThan(0);
  expect(days).toBeLessThanOrEqual(30);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the rule catalog has a page per rule with its fix', async ({ page }) => {
  await signIn(page, user('Cloud engineer'), '/rules/');
  // Every rule of the catalog has its row.
  await expect(page.getByText(`Showing ${RULES.length} of ${RULES.length} rules`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'LS-KV-002' }).click();
  await expect(page.getByRole('heading', { name: 'LS-KV-002 · Key vault purge protection is off', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Azure CLI' }).click();
  await expect(page.getByText('az keyvault update --name <vault> --resource-group <rg> --enable-purge-protection true')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('LS-KV-002');
  expect(await seriousViolations(page)).toEqual([]);
});

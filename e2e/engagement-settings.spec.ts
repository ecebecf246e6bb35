import { expect, test } from '@playwright/test';
import { resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('requiring double encryption changes the verdicts everywhere, and is remembered', async ({ page }) => {
  await signIn(page, user('Consultant'), '/servers/');
  const ready = page.getByRole('button', { name: /^Ready: \d+/ });
  await expect(ready).toBeVisible({ timeout: 30_000 });
  const before = Number(/\d+/.exec((await ready.textContent()) ?? '')?.[0]);
  expect(before).toBeGreaterThan(4);
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('switch', { name: /Require double encryption/ }).check();
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' }).click();
  // Only the servers behind the double-encryption DES stay ready.
  await expect(page.getByRole('button', { name: 'Ready: 4' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Ready: 4' })).toBeVisible({ timeout: 30_000 });
});

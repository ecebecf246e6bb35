import { expect, test } from '@playwright/test';
import { estate, resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('typing "PACS-APP" with 10 ms between keys keeps every character and filters to the PACS-APP servers', async ({ page }) => {
  await signIn(page, user('Consultant'));
  await page.goto('/servers/');
  const grid = page.getByRole('table', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  const all = (estate.resources as { type: string; properties?: { machineName?: string; friendlyName?: string } }[]).filter((r) =>
    /replication(Migration|Protected)Items$/i.test(r.type),
  );
  const pacs = all.filter((r) => (r.properties?.machineName ?? '').startsWith('PACS-APP')).length;
  expect(pacs).toBeGreaterThan(1);

  const box = page.getByRole('searchbox', { name: 'Filter servers' });
  await box.click();
  await page.keyboard.type('PACS-APP', { delay: 10 });
  await expect(box).toHaveValue('PACS-APP');
  await expect(page.getByText(new RegExp(`Showing ${pacs} of \\d+ servers`))).toBeVisible();
  // The URL follows, so the filtered view can be shared.
  await expect(page).toHaveURL(/[?&]q=PACS-APP(&|$)/);
  // The header row and one row per PACS-APP server, and nothing else.
  await expect(grid.getByRole('row')).toHaveCount(pacs + 1);
  await expect(grid.getByRole('row').filter({ hasText: 'PACS-APP' })).toHaveCount(pacs);

  // Going back to the unfiltered page replaces what was typed.
  await page.goto('/servers/');
  await expect(page.getByRole('searchbox', { name: 'Filter servers' })).toHaveValue('');
});

import { expect, test } from '@playwright/test';
import { estate, resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('typing "PACS-APP" with 10 ms between keys keeps every character and filters to the PACS-APP servers', async ({ page }) => {
  await signIn(page, user('Consultant'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
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

  // Going back to the unfiltered page replaces what was typed. A fresh load reads the estate again: the same 30 s as above.
  await page.goto('/servers/');
  await expect(page.getByRole('searchbox', { name: 'Filter servers' })).toHaveValue('', { timeout: 30_000 });
});

test('the grid with the keyboard alone: one Tab in, arrows between cells, Space selects, Enter opens, Esc gives the row its focus back', async ({ page }) => {
  await signIn(page, user('Consultant'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  const inGrid = () => grid.evaluate((g) => g.contains(document.activeElement));

  // The control before the grid, then one Tab: the keyboard is on the first row's first cell.
  await page.getByRole('button', { name: /^Row density/ }).focus();
  await page.keyboard.press('Tab');
  const first = grid.getByRole('row').nth(1);
  await expect(first.getByRole('gridcell').first()).toBeFocused();

  // Right to the server name, down to the second server.
  await page.keyboard.press('ArrowRight');
  await expect(first.getByRole('gridcell').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = grid.getByRole('row').nth(2);
  const name = (await second.getByRole('gridcell').nth(1).innerText()).trim();
  expect(name).not.toBe('');
  await expect(second.getByRole('gridcell').nth(1)).toBeFocused();

  // Space selects the row, Enter opens it; Esc closes the pane and the keyboard is back where it was.
  await page.keyboard.press('Space');
  await expect(grid.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('dialog');
  await expect(pane.getByRole('heading', { name: new RegExp(name) }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(second.getByRole('gridcell').nth(1)).toBeFocused();

  // One Tab stop: the next Tab leaves the grid, Shift+Tab comes back to the same cell.
  await page.keyboard.press('Tab');
  expect(await inGrid()).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(second.getByRole('gridcell').nth(1)).toBeFocused();

  // The header is the first row: Ctrl+Home goes to its first cell, and Enter on a column header sorts by it.
  await page.keyboard.press('Control+Home');
  await expect(grid.getByRole('columnheader').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(grid.getByRole('columnheader').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('columnheader').nth(1)).toHaveAttribute('aria-sort', 'ascending');
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height} the verdict and top finding are in view without scrolling sideways, and the server stays in view when it scrolls`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signIn(page, user('Consultant'), '/servers/');
    const grid = page.getByRole('grid', { name: 'Replicating servers' });
    await expect(grid).toBeVisible({ timeout: 30_000 });
    const row = grid.getByRole('row').nth(1);
    const cells = row.getByRole('gridcell');
    const verdict = grid.getByRole('columnheader', { name: /Verdict/ });
    const finding = grid.getByRole('columnheader', { name: /Top finding/ });
    for (const header of [verdict, finding]) {
      const box = (await header.boundingBox())!;
      expect(box.x + Math.min(box.width, 120)).toBeLessThanOrEqual(viewport.width);
    }
    // The header spans the data: its row is as wide as a data row.
    const widths = await Promise.all([grid.getByRole('row').first().boundingBox(), row.boundingBox()]);
    expect(Math.round(widths[0]!.width)).toBe(Math.round(widths[1]!.width));

    // Scroll sideways: the server name keeps its place, the verdict moves under it.
    const name = cells.nth(1);
    const before = (await name.boundingBox())!.x;
    await grid.evaluate((g) => (g.parentElement!.scrollLeft = 600));
    await expect.poll(async () => (await name.boundingBox())!.x).toBe(before);
    expect((await verdict.boundingBox())!.x).toBeLessThan(before);
  });
}

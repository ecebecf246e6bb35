import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

async function seriousViolations(page: Page) {
  // Tabster (Fluent's focus manager) puts 1px aria-hidden "dummy" elements at the edges of focus
  // groups; they hand focus on at once and are never read. axe cannot know that, so they are left out.
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('the signed-out page passes an axe scan', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the shell passes an axe scan in light and dark', async ({ page }) => {
  await signIn(page, user('CISO'));
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the theme switch persists across reloads', async ({ page }) => {
  await signIn(page, user('Consultant'));
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the left navigation reaches every section, keyboard included', async ({ page }) => {
  await signIn(page, user('Consultant'));
  const nav = page.getByRole('navigation', { name: 'Lockstep' });
  for (const title of ['Replicating servers', 'Disk encryption sets', 'Key vaults', 'Compliance', 'Rules', 'Settings']) {
    await nav.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(title);
  }
  await nav.getByRole('link', { name: 'Overview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/overview\/$/);
  // A page read far down does not hand its scroll position to the next one: Rules opens at its top.
  await expect(page.getByRole('list', { name: 'Top findings' })).toBeVisible();
  const pane = page.locator('main#main');
  await pane.evaluate((m) => (m.scrollTop = m.scrollHeight));
  await expect.poll(() => pane.evaluate((m) => m.scrollTop)).toBeGreaterThan(100);
  await nav.getByRole('link', { name: 'Rules' }).click();
  await expect(page.getByRole('heading', { name: 'Rules', level: 1 })).toBeVisible();
  await expect.poll(() => pane.evaluate((m) => m.scrollTop)).toBe(0);
});

test('the navigation collapses to its icons and stays so after a reload; every section is still reachable by name', async ({ page }) => {
  await signIn(page, user('Consultant'));
  const nav = page.getByRole('navigation', { name: 'Lockstep' });
  const wide = (await nav.boundingBox())!.width;
  await page.getByRole('button', { name: 'Collapse the navigation' }).click();
  await expect(page.getByRole('button', { name: 'Expand the navigation' })).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await nav.boundingBox())!.width).toBeLessThan(wide / 2);
  await expect(nav.getByText('Disk encryption sets', { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Expand the navigation' })).toBeVisible({ timeout: 20_000 });
  await nav.getByRole('link', { name: 'Disk encryption sets' }).click();
  await expect(page.getByRole('heading', { name: 'Disk encryption sets', level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Expand the navigation' }).click();
  await expect(nav.getByText('Disk encryption sets', { exact: true })).toBeVisible();
});

test('an address that is no page keeps the shell for someone signed in, and says so in words', async ({ page }) => {
  await signIn(page, user('Consultant'), '/no-such-page/');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Page not found');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Go to Overview' }).click();
  await expect(page).toHaveURL(/\/overview\/$/);
});

import { expect, test } from '@playwright/test';
import { estate, resetEmulator, signIn, subscriptionsVisibleTo, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

for (const role of ['Consultant', 'CISO', 'Cloud engineer']) {
  test(`${role} signs in, sees the directory and their subscriptions, and signs out`, async ({ page }) => {
    const who = user(role);
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });

    await signIn(page, who);

    await expect(page.getByTestId('directory-name')).toHaveText(estate.tenantDisplayName);
    const expected = subscriptionsVisibleTo(who);
    const table = page.getByRole('table', { name: 'Subscriptions' });
    await expect(table.getByRole('row')).toHaveCount(expected.length + 1);
    const names = await table.getByRole('row').locator('td:first-child').allInnerTexts();
    expect(names.map((n) => n.trim()).sort()).toEqual(expected);
    await expect(page.getByText(`Showing ${expected.length} subscription`)).toBeVisible();

    // Tokens live in session storage only, and never reach the console.
    const storage = await page.evaluate(() => ({
      session: Object.keys(sessionStorage).filter((k) => /accesstoken/i.test(k)).length,
      local: Object.keys(localStorage).filter((k) => /token|msal/i.test(k)).length,
    }));
    expect(storage.session).toBeGreaterThan(0);
    expect(storage.local).toBe(0);
    expect(console.filter((line) => /eyJ[\w-]{10,}\.[\w-]{10,}/.test(line))).toEqual([]);
    // A clean sign-in needs no retries: nothing was refused along the way.
    expect(refused).toEqual([]);

    await page.getByRole('button', { name: `Account: ${who.displayName}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with Microsoft' })).toBeVisible();
    const left = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => /accesstoken/i.test(k)).length);
    expect(left).toBe(0);
  });
}

test('the emulator sign-in page lists every demo user with their role', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  for (const u of estate.users) {
    const button = page.getByRole('button', { name: new RegExp(u.displayName) });
    await expect(button).toContainText(u.userPrincipalName);
    await expect(button).toContainText(`${u.jobTitle} ·`);
  }
  await expect(page.getByRole('button', { name: /Iris de Vries/ })).toContainText('Owner on Contoso Health – Landing Zone');
});

test('a signed-out visitor who opens a portal page is sent to sign in and comes back to it, filters and all', async ({ page }) => {
  await page.goto('/servers/?verdict=blocked');
  await expect(page).toHaveURL(/\/\?returnTo=%2Fservers%2F%3Fverdict%3Dblocked$/);
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await page.getByRole('button', { name: /Ruth Bakker/ }).click();
  await expect(page).toHaveURL(/\/servers\/\?verdict=blocked$/);
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Verdict: Blocked', { timeout: 30_000 });
});

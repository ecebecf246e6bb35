import { expect, test } from '@playwright/test';
import { control, EMULATOR, resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('when ARM refuses the subscription list, the page says so in words and keeps working', async ({ page }) => {
  await signIn(page, user('Consultant'));
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  await control('faults', {
    method: 'GET',
    path: '/subscriptions',
    status: 403,
    code: 'AuthorizationFailed',
    message:
      "The client 'x' with object id 'y' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions' or the scope is invalid.",
  });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByText('Permission needed');
  await expect(alert).toBeVisible();
  await expect(page.getByText(/not allowed to perform Microsoft\.Resources\/subscriptions\/read on \/subscriptions/)).toBeVisible();
  // What is still on screen is labelled as the last good read, not passed off as current.
  await expect(page.getByText(/Showing 4 subscriptions from the last successful read at .*; the latest refresh failed/)).toBeVisible();
  // The rest of the page still works: directory, navigation.
  await expect(page.getByTestId('directory-name')).toHaveText('Contoso Health');
  await control('faults', undefined, 'DELETE');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
});

test('a server error that outlasts the retries is explained, and a retry recovers', async ({ page }) => {
  await signIn(page, user('CISO'));
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  await control('faults', { method: 'GET', path: '/subscriptions', status: 500, retryAfterSeconds: 0 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Azure had a problem')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Azure answered 500 InternalServerError/)).toBeVisible();
  await control('faults', undefined, 'DELETE');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Azure had a problem')).toBeHidden();
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
});

test('a dropped connection is reported as unreachable, not as an empty list', async ({ page }) => {
  await signIn(page, user('CISO'));
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  await control('faults', { method: 'GET', path: '/subscriptions', drop: true });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Azure could not be reached')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('No subscriptions to show')).toBeHidden();
  await control('faults', undefined, 'DELETE');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Azure could not be reached')).toBeHidden();
});

test('a malformed answer is reported as unreadable', async ({ page }) => {
  await signIn(page, user('CISO'));
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  await control('faults', { method: 'GET', path: '/subscriptions', malformed: true, status: 200 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Unreadable answer from Azure')).toBeVisible({ timeout: 30_000 });
});

test('an expired access token is renewed without bothering the user', async ({ page }) => {
  await signIn(page, user('Consultant'));
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  // Let the readiness inventory finish first, so nothing else renews the token behind the test's back.
  await expect(page.getByRole('list', { name: 'Top findings' })).toBeVisible({ timeout: 30_000 });
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 401) refused.push(r.url());
  });
  await fetch(`${EMULATOR}/_emulator/requests`, { method: 'DELETE' });
  // Two hours later, as far as Entra ID and ARM are concerned: the cached token has expired.
  await control('settings', { clockOffsetSeconds: 7200 });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Showing 4 subscriptions you can see')).toBeVisible();
  await expect(page.getByText('Sign-in no longer accepted')).toBeHidden();
  // ARM refused the old token at least once, Lockstep fetched a new one, and the page carried on.
  await expect.poll(() => refused.length).toBeGreaterThanOrEqual(1);
  const counts = (await (await fetch(`${EMULATOR}/_emulator/requests`)).json()) as { routes: Record<string, number> };
  expect(counts.routes['POST entra oauth2/v2.0/token']).toBeGreaterThanOrEqual(1);
  expect(page.url()).toMatch(/\/overview\/$/);
});

test('with every vault list failing, the servers page names the failure instead of saying there are no servers, and Retry recovers', async ({ page }) => {
  await signIn(page, user('Consultant'));
  // Every generic resource list (the vault lists among them) answers with a body that is not JSON.
  await control('faults', { method: 'GET', path: '/subscriptions/*/resources', malformed: true });
  await page.goto('/servers/');
  const empty = page.getByRole('region', { name: 'No replicating servers could be read' });
  await expect(empty).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'What could not be read' })).toContainText('list Recovery Services vaults');
  await expect(page.getByText(/none of the subscriptions you can see has/i)).toHaveCount(0);
  await control('faults', undefined, 'DELETE');
  await empty.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('grid', { name: 'Replicating servers' })).toBeVisible({ timeout: 60_000 });
});

import { expect, test } from '@playwright/test';
import { control, resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('when ARM refuses the subscription list, the page says so in words and keeps working', async ({ page }) => {
  await signIn(page, user('Consultant'));
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  await control('faults', { method: 'GET', path: '/subscriptions', status: 403, code: 'AuthorizationFailed', message: "The client 'x' with object id 'y' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions' or the scope is invalid." });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByText('Permission needed');
  await expect(alert).toBeVisible();
  await expect(page.getByText(/not allowed to perform Microsoft\.Resources\/subscriptions\/read on \/subscriptions/)).toBeVisible();
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

/**
 * What real Azure looks like, in the browser: agent-based servers beside agentless ones, keys that ARM in this
 * tenant cannot see into (another tenant, a Managed HSM), and people named through Microsoft Graph.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { control, estate, resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('agent-based servers are in the grid beside agentless ones, with a Method filter', async ({ page }) => {
  await signIn(page, user('Consultant'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Showing (\d+) of \1 servers/)).toBeVisible({ timeout: 30_000 });
  const agentBased = estate.resources.filter(
    (r) =>
      r.type.endsWith('/replicationProtectedItems') &&
      (r.properties as { providerSpecificDetails?: { instanceType?: string } }).providerSpecificDetails?.instanceType === 'InMageRcm',
  );
  expect(agentBased.length).toBeGreaterThan(0);

  await page.getByRole('combobox', { name: 'Method' }).click();
  await page.getByRole('option', { name: 'Agent-based' }).click();
  await expect(page).toHaveURL(/method=agent-based/);
  await expect(page.getByText(new RegExp(`Showing ${agentBased.length} of \\d+ servers`))).toBeVisible();
  const rows = grid.getByRole('row');
  await expect(rows.filter({ hasText: 'Agent-based' })).toHaveCount(agentBased.length);
  await expect(rows.filter({ hasText: 'Agentless' })).toHaveCount(0);
  // The disaster-recovery (A2A) item in the same vault is not a migration.
  await expect(grid.getByRole('row', { name: /AZ-JUMPBOX-01/ })).toHaveCount(0);
  // Agent-based servers are judged like any other: one without a DES is unprotected.
  await expect(grid.getByRole('row', { name: /DENTAL-APP-01/ })).toContainText('Unprotected');
  await expect(grid.getByRole('row', { name: /LAB-ANALYZER-01/ })).toContainText('Ready');
  expect(
    (await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
});

test('a key in another tenant and a key in a Managed HSM say what could not be verified, and how to check it', async ({ page }) => {
  await signIn(page, user('Consultant'), '/servers/?q=TELE-APP-01');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await grid.getByRole('row', { name: /TELE-APP-01/ }).click({ timeout: 30_000 });
  let drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: 'TELE-APP-01' })).toBeVisible();
  const chain = drawer.getByRole('list', { name: 'Encryption chain' });
  await expect(chain.getByLabel('Key vault: kv-fabrikam-cmk, Unknown')).toContainText('In another tenant');
  await expect(drawer.getByRole('article', { name: /LS-DES-010/ })).toContainText("Verify them signed in to the key's tenant");
  await expect(drawer.getByRole('article', { name: /LS-SRV-008/ })).toContainText(
    'is in another tenant (kv-fabrikam-cmk.vault.azure.net) and cannot be verified from this one',
  );
  await expect(drawer).not.toContainText('does not exist');
  await page.keyboard.press('Escape');

  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('ONCO-APP-01');
  await page
    .getByRole('grid', { name: 'Replicating servers' })
    .getByRole('row', { name: /ONCO-APP-01/ })
    .click({ timeout: 30_000 });
  drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: 'ONCO-APP-01' })).toBeVisible();
  await expect(drawer.getByRole('list', { name: 'Encryption chain' }).getByLabel(/^Managed HSM: hsm-chx-weu/)).toContainText('local RBAC');
  await expect(drawer.getByRole('list', { name: 'Encryption chain' }).getByLabel(/^Access: Access grant, /)).toContainText('Not verifiable through ARM');
  await expect(drawer.getByRole('article', { name: /LS-DES-011/ })).toContainText(
    'not verifiable through ARM. Check with: az keyvault role assignment list --hsm-name hsm-chx-weu --scope /keys/des-hsm-key --assignee',
  );
  await page.keyboard.press('Escape');

  // The HSM is listed with the vaults, for what ARM shows of it, and says what it cannot show.
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Key vaults' }).click();
  const hsm = page.getByRole('table', { name: 'Key vaults' }).getByRole('row', { name: /hsm-chx-weu/ });
  await expect(hsm).toContainText('Managed HSM', { timeout: 30_000 });
  await expect(hsm).toContainText('Local RBAC (Managed HSM)');
  await expect(hsm).toContainText('Not visible through ARM');
  expect(
    (await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
});

test('key custody names people and identities, read from Microsoft Graph, not object ids', async ({ page }) => {
  const ciso = user('CISO');
  await signIn(page, ciso);
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Compliance' }).click();
  const custody = page.getByRole('table', { name: 'Key custody' });
  await expect(custody).toBeVisible({ timeout: 30_000 });
  const legacy = custody.getByRole('row', { name: /kv-chx-legacy-weu \/ legacy-key/ });
  const engineer = user('Cloud engineer');
  await expect(legacy).toContainText(`${engineer.displayName} (${engineer.userPrincipalName})`);
  await expect(legacy).not.toContainText(engineer.objectId);
  const consultant = user('Consultant');
  await expect(custody).toContainText(consultant.displayName);
  await expect(custody).not.toContainText(consultant.objectId);
});

test('when Microsoft Graph refuses names, custody shows object ids with a note, and every control is judged as before', async ({ page }) => {
  await control('faults', {
    method: 'POST',
    path: '/v1.0/directoryObjects/getByIds',
    status: 403,
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
  });
  await signIn(page, user('CISO'));
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Compliance' }).click();
  const custody = page.getByRole('table', { name: 'Key custody' });
  await expect(custody).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('People and identities are shown by object id')).toBeVisible();
  await expect(page.getByText(/could not read names from Microsoft Graph \(403 Authorization_RequestDenied\)/)).toBeVisible();
  const engineer = user('Cloud engineer');
  await expect(custody.getByRole('row', { name: /kv-chx-legacy-weu \/ legacy-key/ })).toContainText(engineer.objectId);
  // Names change no control: ISO 8.24 is still not met, not "cannot tell".
  await expect(page.getByRole('table', { name: 'Controls' }).getByRole('row', { name: /ISO27001:2022\/A\.8\.24/ })).toContainText('Not met');
});

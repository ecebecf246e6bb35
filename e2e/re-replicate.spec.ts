import { expect, test } from '@playwright/test';
import { resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('an engineer re-replicates two unprotected servers from the grid, and sees them replicate under the DES', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, user('Cloud engineer'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('FILE-SRV-0');
  await expect(page.getByText(/Showing 3 of \d+ servers/)).toBeVisible();
  for (const name of ['FILE-SRV-01', 'FILE-SRV-02']) {
    await expect(grid.getByRole('row', { name: new RegExp(name) })).toContainText('Unprotected');
    await grid
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('checkbox')
      .check();
  }
  await page.getByRole('button', { name: 'Re-replicate with a DES (2)' }).click();
  await expect(page.getByRole('heading', { name: 'Re-replicate with a disk encryption set', level: 1 })).toBeVisible();

  // Before anything runs: what is lost, the data to seed again per server, the DES, the plan.
  await expect(page.getByText('Replication starts again from the beginning')).toBeVisible();
  const servers = page.getByRole('table', { name: 'Servers to re-replicate' });
  await expect(servers.getByRole('row')).toHaveCount(3, { timeout: 30_000 });
  await expect(servers.getByRole('row', { name: /FILE-SRV-01/ })).toContainText('under platform-managed key');
  await expect(page.getByRole('combobox', { name: 'Disk encryption set' })).toHaveText('des-weu-prod-01');
  await expect(page.getByText(/In total [\d,]+ GiB are seeded again/)).toBeVisible();
  const preflight = page.getByRole('list', { name: 'Preflight checks' });
  await expect(preflight.getByRole('listitem', { name: /: allowed$/ })).toHaveCount(4, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Azure PowerShell' }).click();
  await expect(page.getByLabel('Azure PowerShell script', { exact: true })).toContainText('New-AzMigrateServerReplication');

  // Excluding a server takes it out of the plan; including it puts it back.
  await servers.getByRole('checkbox', { name: 'Include FILE-SRV-02' }).uncheck();
  await expect(page.getByRole('button', { name: 'Re-replicate 1 server' })).toBeVisible();
  await servers.getByRole('checkbox', { name: 'Include FILE-SRV-02' }).check();

  await page.getByRole('button', { name: 'Re-replicate 2 servers' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Stop replicating FILE-SRV-01');
  await expect(dialog).toContainText('Replicate FILE-SRV-02 again with des-weu-prod-01');
  await dialog.getByRole('checkbox', { name: 'I understand the warnings above' }).check();
  await dialog.getByRole('button', { name: 'Re-replicate FILE-SRV-01, FILE-SRV-02' }).click();

  await expect(page.getByText('Replication enabled again with des-weu-prod-01')).toBeVisible({ timeout: 60_000 });
  const verdicts = page.getByRole('table', { name: 'Verdicts before and after' });
  for (const name of ['FILE-SRV-01', 'FILE-SRV-02']) await expect(verdicts.getByRole('row', { name: new RegExp(`${name} Unprotected`) })).toBeVisible();
  await expect(verdicts.getByRole('row', { name: /FILE-SRV-01 Unprotected (Ready|Attention)/ })).toBeVisible({ timeout: 30_000 });

  // The grid agrees: the disks now name the DES.
  await page.getByRole('button', { name: 'View servers' }).click();
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('FILE-SRV-01');
  await expect(page.getByRole('grid', { name: 'Replicating servers' }).getByRole('row', { name: /FILE-SRV-01/ })).toContainText('des-weu-prod-01');
});

test('the CISO is not offered re-replication', async ({ page }) => {
  await signIn(page, user('CISO'), '/servers/');
  await expect(page.getByRole('grid', { name: 'Replicating servers' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Re-replicate/ })).toHaveCount(0);
});

test("an unprotected server's finding offers re-replication with a DES, for that server", async ({ page }) => {
  await signIn(page, user('Cloud engineer'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('FILE-SRV-03');
  await grid.getByRole('row', { name: /FILE-SRV-03/ }).click();
  const finding = page.getByRole('dialog').getByRole('article', { name: /LS-SRV-001/ });
  await finding.getByRole('button', { name: 'Re-replicate with a DES' }).click();
  await expect(page.getByRole('heading', { name: 'Re-replicate with a disk encryption set', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Servers to re-replicate' }).getByRole('row')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Re-replicate 1 server' })).toBeEnabled({ timeout: 30_000 });
});

test('an engineer re-replicates an agent-based server: the same plan, sent as Site Recovery protected-item requests', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, user('Cloud engineer'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('DENTAL-APP-01');
  const row = grid.getByRole('row', { name: /DENTAL-APP-01/ });
  await expect(row).toContainText('Agent-based');
  await expect(row).toContainText('Unprotected');
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Re-replicate with a DES (1)' }).click();
  const servers = page.getByRole('table', { name: 'Servers to re-replicate' });
  await expect(servers.getByRole('row', { name: /DENTAL-APP-01/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Azure PowerShell' }).click();
  // Az.Migrate drives agentless replication only: the export sends the protected-item requests themselves.
  await expect(page.getByLabel('Azure PowerShell script', { exact: true })).toContainText('Invoke-AzRestMethod -Method POST');
  await page.getByRole('button', { name: 'Re-replicate 1 server' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Stop replicating DENTAL-APP-01');
  await dialog.getByRole('checkbox', { name: 'I understand the warnings above' }).check();
  await dialog.getByRole('button', { name: 'Re-replicate DENTAL-APP-01' }).click();
  await expect(page.getByText('Replication enabled again with des-weu-prod-01')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'View servers' }).click();
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('DENTAL-APP-01');
  await expect(page.getByRole('grid', { name: 'Replicating servers' }).getByRole('row', { name: /DENTAL-APP-01/ })).toContainText('des-weu-prod-01');
});

test('re-replicate reached without a selection says how to choose servers and leads back to them', async ({ page }) => {
  await signIn(page, user('Cloud engineer'), '/servers/re-replicate/');
  await expect(page.getByText('No servers selected')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'View servers' }).click();
  await expect(page).toHaveURL(/\/servers\/$/);
  await expect(page.getByRole('grid', { name: 'Replicating servers' })).toBeVisible({ timeout: 30_000 });
});

import { expect, test } from '@playwright/test';
import { PasswordTokenSource } from '../lib/auth/password-token-source';
import { createArmClientFactory } from '../lib/azure/client-factory';
import { DEMO_CLI_CLIENT_ID, DEMO_PASSWORD, USERS } from '../emulator/src/demo';
import { EMULATOR, estate, resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

/** Migrates one server the way Azure Migrate's "Migrate" does (the Site Recovery SDK), as the cloud engineer. */
async function migrate(machineName: string) {
  const item = estate.resources.find(
    (r) => /replicationMigrationItems$/i.test(r.type) && (r.properties as { machineName?: string }).machineName === machineName,
  )!;
  const segs = item.id.split('/');
  const factory = createArmClientFactory({
    cloud: { armEndpoint: EMULATOR, allowInsecure: true },
    tokens: new PasswordTokenSource({
      tokenEndpoint: `${EMULATOR}/${estate.tenantId}/oauth2/v2.0/token`,
      clientId: DEMO_CLI_CLIENT_ID,
      username: USERS.engineer.userPrincipalName,
      password: DEMO_PASSWORD,
      scope: 'https://management.azure.com/user_impersonation',
    }),
  });
  const sr = await factory.siteRecovery(segs[2]!);
  await sr.replicationMigrationItems.beginMigrateAndWait(
    segs[8]!,
    segs[4]!,
    segs[10]!,
    segs[12]!,
    segs[14]!,
    { properties: { providerSpecificDetails: { instanceType: 'VMwareCbt', performShutdown: 'true' } as never } },
    { updateIntervalInMs: 200 },
  );
}

test('a server migrates in the demo, and Lockstep verifies what landed: every disk under the customer key, encryption at host off', async ({ page }) => {
  await migrate('EPD-APP-02');
  await signIn(page, user('Consultant'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('EPD-APP-02');
  const row = grid.getByRole('row', { name: /EPD-APP-02/ });
  await expect(row).toContainText('Migration succeeded');
  await expect(row).toContainText('Attention');
  await row.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: 'What landed' })).toBeVisible();
  await expect(drawer.getByText(/verified, every managed disk is under a customer-managed key/)).toBeVisible();
  await expect(
    drawer
      .getByRole('table', { name: 'Landed disks' })
      .getByRole('row', { name: /Customer-managed key, through des-weu-prod-01/ })
      .first(),
  ).toBeVisible();
  await expect(drawer.getByRole('article', { name: /LS-LND-003/ })).toContainText('without encryption at host');
});

test('a server that migrated without a customer key is unprotected by what landed, not by what replication planned', async ({ page }) => {
  await migrate('FILE-SRV-02');
  await signIn(page, user('Consultant'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('FILE-SRV-02');
  const row = grid.getByRole('row', { name: /FILE-SRV-02/ });
  await expect(row).toContainText('Unprotected');
  await row.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('article', { name: /LS-LND-001/ })).toContainText('under a platform-managed key');
  await expect(drawer.getByRole('article', { name: /LS-SRV-001/ })).toHaveCount(0);
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { control, estate, resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('the consultant filters to blocked servers, opens one and sees the broken link and its fix', async ({ page }) => {
  await signIn(page, user('Consultant'));
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' }).click();
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Showing 71 of 71 servers')).toBeVisible();

  await page.getByRole('button', { name: /^Blocked: \d+/ }).click();
  await expect(page).toHaveURL(/verdict=blocked/);
  await expect(page.getByText(/Showing 29 of 71 servers/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('PACS-APP-01');
  await expect(page.getByText(/Showing 1 of 71 servers/)).toBeVisible();

  await grid.getByRole('row', { name: /PACS-APP-01/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: 'PACS-APP-01' })).toBeVisible();
  const chain = drawer.getByRole('list', { name: 'Encryption chain' });
  await expect(chain.getByLabel('Access: Access grant, Critical')).toBeVisible();
  await expect(chain.getByLabel('Key vault: kv-chx-legacy-weu, Critical')).toBeVisible();
  const finding = drawer.getByRole('article', { name: /LS-DES-003/ });
  await expect(finding).toContainText('Disk encryption set des-weu-legacy-01 cannot unwrap keys in kv-chx-legacy-weu: its access policy lacks unwrapKey.');
  await expect(finding).toContainText('Key Vault Crypto Service Encryption User');
  // The fix command names this vault and this DES's identity, and Copy puts exactly that on the clipboard.
  const des = (estate.resources as unknown as { name: string; identity?: { principalId?: string } }[]).find((r) => r.name === 'des-weu-legacy-01')!;
  const expected = `az keyvault set-policy --name kv-chx-legacy-weu --object-id ${des.identity!.principalId} --key-permissions get wrapKey unwrapKey`;
  const command = finding.getByLabel('Azure CLI for LS-DES-003', { exact: true });
  await expect(command).toContainText(expected);
  await expect(command).not.toContainText('<vault>');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await finding.getByRole('button', { name: 'Copy Azure CLI for LS-DES-003' }).click();
  await expect(finding.getByRole('button', { name: 'Copied Azure CLI for LS-DES-003' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(expected);
  expect(copied).toBe((await command.innerText()).trim());

  // The filtered view and the open server live in the URL: a reload brings them back.
  await page.reload();
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'PACS-APP-01' })).toBeVisible({ timeout: 30_000 });
});

test('a 403 on one subscription shows what could not be read while the rest loads', async ({ page }) => {
  const research = '02eceede-c274-59fe-8a3c-a3479ca31227';
  await control('faults', {
    method: 'GET',
    path: `/subscriptions/${research}/providers/Microsoft.Compute/diskEncryptionSets`,
    status: 403,
    code: 'AuthorizationFailed',
    message: 'The client does not have authorization to perform action Microsoft.Compute/diskEncryptionSets/read.',
  });
  await signIn(page, user('CISO'), '/servers/');
  await expect(page.getByText('Lockstep could not read everything')).toBeVisible({ timeout: 30_000 });
  // The subscription by its name, and its id for the ticket.
  const name = estate.subscriptions.find((x) => x.subscriptionId === research)!.displayName;
  await expect(page.getByText(`Could not list disk encryption sets on ${name} (${research}): 403 AuthorizationFailed.`)).toBeVisible();
  await expect(page.getByText('Showing 71 of 71 servers')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('GENOMICS-NODE-01');
  await expect(page.getByRole('grid', { name: 'Replicating servers' }).getByRole('row', { name: /GENOMICS-NODE-01/ })).toContainText('Unknown');
});

test('the servers page passes an axe scan', async ({ page }) => {
  await signIn(page, user('CISO'), '/servers/');
  await expect(page.getByRole('grid', { name: 'Replicating servers' })).toBeVisible({ timeout: 30_000 });
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('filters, sort and columns: by key vault, by server name descending, without the top finding column', async ({ page }) => {
  await signIn(page, user('Consultant'), '/servers/');
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  // Region, disk encryption set and key vault wait under More filters, so the first line fits at 1366 px.
  await page.getByRole('button', { name: 'More filters' }).click();
  await page.getByRole('combobox', { name: 'Key vault' }).click();
  await page.getByRole('option', { name: 'kv-chx-res-neu' }).click();
  await expect(page).toHaveURL(/vault=kv-chx-res-neu/);
  await expect(page.getByText('Showing 7 of 71 servers')).toBeVisible();
  await page.getByRole('button', { name: 'Sort by Server' }).click();
  await page.getByRole('button', { name: 'Sort by Server' }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(grid.getByRole('row').nth(1)).toContainText('RES-STATS-01');
  await expect(grid.getByRole('row').nth(1)).toContainText('Contoso Health – Migration Hub');
  await expect(grid.getByRole('columnheader', { name: /Top finding/ })).toBeVisible();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Top finding' }).click();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: /Top finding/ })).toHaveCount(0);
  // The choice is remembered in this browser.
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Replicating servers' }).getByRole('columnheader', { name: /Subscription/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('grid', { name: 'Replicating servers' }).getByRole('columnheader', { name: /Top finding/ })).toHaveCount(0);
});

test('rows appear while the estate is still being read', async ({ page }) => {
  await signIn(page, user('Consultant'));
  // Slow down everything after the vault lists, so the servers arrive well before their key vaults.
  await control('faults', { method: 'GET', path: '/\\/keys|diagnosticSettings/', latencyMs: 1500 });
  await page.goto('/servers/');
  await expect(page.getByText(/Read \d+ servers so far/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('grid', { name: 'Servers read so far' }).getByText('Checking').first()).toBeVisible();
  await expect(page.getByText('Showing 71 of 71 servers')).toBeVisible({ timeout: 30_000 });
});

test('a compliance drill-down is a pill: removing it restores the rows, and Clear all removes every filter', async ({ page }) => {
  await signIn(page, user('Consultant'), '/compliance/');
  // The first control with failing servers: its count is a link to the grid narrowed to the rules it fails.
  const drill = page.getByRole('link', { name: /^\d+ servers failing / }).first();
  await expect(drill).toBeVisible({ timeout: 30_000 });
  const failing = Number((await drill.getAttribute('aria-label'))!.match(/^(\d+)/)![1]);
  expect(failing).toBeGreaterThan(0);
  await drill.click();
  await expect(page).toHaveURL(/\/servers\/\?rules=/);
  const rules = decodeURIComponent(new URL(page.url()).searchParams.get('rules')!);
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  const showing = page.getByText(new RegExp(`^Showing ${failing} of (\\d+) servers`));
  await expect(showing).toBeVisible();
  const total = Number((await showing.innerText()).match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(failing);

  // The hidden rules filter is a pill like any other; removing it restores every row.
  const pills = page.getByRole('group', { name: 'Active filters' });
  const ids = rules.split(',');
  const pill = pills.getByRole('button', { name: /^Remove the filter Failing: / });
  await expect(pill).toContainText(`Failing: ${ids[0]}`);
  // The whole list is in the tooltip; the pill is itself the button that removes it.
  await expect(pill).toHaveAttribute('title', `Failing any of: ${ids.join(', ')}`);
  await pill.click();
  await expect(page.getByText(`Showing ${total} of ${total} servers`)).toBeVisible();
  await expect(page).not.toHaveURL(/rules=/);

  // Two filters at once, then Clear all.
  await page
    .getByRole('group', { name: 'Servers by verdict' })
    .getByRole('button', { name: /^Blocked/ })
    .click();
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('APP');
  await expect(pills).toContainText('Verdict: Blocked');
  await expect(pills).toContainText('Text: "APP"');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByText(`Showing ${total} of ${total} servers`)).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Filter servers' })).toHaveValue('');
});

test('a top finding on the Overview leads to the servers it hits', async ({ page }) => {
  await signIn(page, user('Consultant'));
  const top = page.getByRole('list', { name: 'Top findings' });
  await expect(top).toBeVisible({ timeout: 30_000 });
  const link = top.getByRole('link', { name: /^\d+ servers? failing LS-/ }).first();
  const [, count, rule] = /^(\d+) servers? failing (\S+)$/.exec((await link.getAttribute('aria-label'))!)!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/servers/\\?rules=${rule}$`));
  await expect(page.getByText(new RegExp(`^Showing ${count} of \\d+ servers failing ${rule}$`))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(`Failing: ${rule}`);
});

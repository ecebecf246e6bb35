import { expect, test } from '@playwright/test';
import { resetEmulator, serverRow, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('a policy-blocked server says which assignment refuses its disks, and the wizard says it before anything runs and offers the guard', async ({ page }) => {
  await signIn(page, user('Cloud engineer'));
  const row = await serverRow(page, 'CTRL-APP-01');
  await expect(row).toContainText('Blocked');
  await row.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('article', { name: /LS-POL-001/ })).toContainText(
    "Policy assignment 'EHR disks use the EHR disk encryption sets' (at rg-his-prod-weu) denies disks outside its allowed disk encryption sets",
  );
  await page.keyboard.press('Escape');

  // A new set for it: the EHR assignment does not allow it, and preflight says so.
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Secure target (1)' }).click();
  await expect(page.getByRole('heading', { name: 'Create a disk encryption set', level: 1 })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Setup steps' });
  await tabs.getByRole('tab', { name: /Access/ }).click();
  const guard = page.getByRole('region', { name: 'Guard with Azure Policy (optional)' });
  await expect(guard).toContainText('d461a302-a187-421a-89ac-84acdb4edc04');
  await guard.getByRole('checkbox', { name: 'Deny other disks in rg-his-prod-weu' }).check();
  await tabs.getByRole('tab', { name: /Review/ }).click();
  await expect(page.getByText(/^Deny other disk encryption sets in rg-his-prod-weu$/)).toBeVisible();
  const checks = page.getByRole('list', { name: 'Preflight checks' });
  await expect(checks.getByRole('listitem', { name: /^Azure Policy: Policy assignment 'EHR disks use the EHR disk encryption sets' \(Deny/ })).toContainText(
    'the replica disks of CTRL-APP-01 would be refused',
  );
  // The engineer is a Contributor: assigning policy needs someone else, and preflight names who.
  const guardCheck = checks.getByRole('listitem', { name: /Deny disks in rg-his-prod-weu that do not use .*: blocked/ });
  await expect(guardCheck).toContainText('Resource Policy Contributor');
  await expect(guardCheck.getByLabel(/^Command for Deny disks/)).toContainText('az policy assignment create --name lockstep-approved-des');
  await expect(page.getByText(/Once the guard is assigned, Azure refuses new disks of EPD-APP-01, .* and \d+ more in rg-his-prod-weu/)).toBeVisible();
});

test('the engineer turns on encryption at host for a landed VM: the downtime is said before confirmation, and the finding is gone after', async ({ page }) => {
  await signIn(page, user('Cloud engineer'));
  await (await serverRow(page, 'AD-DC-01')).click();
  const finding = page.getByRole('dialog').getByRole('article', { name: /LS-LND-003/ });
  await finding.getByRole('button', { name: 'Fix' }).click();
  await expect(page.getByRole('heading', { name: 'Repair: Landed VM does not encrypt at host' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Downtime: AD-DC-01 \(VM ad-dc-01\) is stopped from deallocation until it starts again/)).toBeVisible();
  // Registering the feature is a subscription-wide action: preflight checks it from the engineer's roles there.
  const checks = page.getByRole('list', { name: 'Preflight checks' });
  await expect(checks.getByRole('listitem', { name: 'Register the EncryptionAtHost feature in the subscription: allowed' })).toBeVisible({ timeout: 30_000 });
  await expect(checks.getByRole('listitem', { name: 'Stop (deallocate) ad-dc-01: allowed' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply repair' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Downtime');
  await dialog.getByRole('checkbox', { name: 'I understand the warnings above' }).check();
  await dialog.getByRole('button', { name: 'Apply repair' }).click();
  await expect(page.getByText('Repaired', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('LS-LND-003 no longer applies')).toBeVisible();
});

import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { resetEmulator, signIn, user } from './support';

test.beforeEach(async () => {
  await resetEmulator();
});

test('a reader lands on Compliance and someone who can write on the Overview', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await page.getByRole('button', { name: /Ruth Bakker/ }).click();
  await expect(page).toHaveURL(/\/compliance\/$/);
  await expect(page.getByRole('heading', { name: 'Compliance', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await page.getByRole('button', { name: /Sam Okafor/ }).click();
  await expect(page).toHaveURL(/\/overview\/$/);
});

test('the CISO reviews compliance, downloads evidence that matches its estate, and prints the report', async ({ page }) => {
  await signIn(page, user('CISO'));
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Compliance' }).click();
  const controls = page.getByRole('table', { name: 'Controls' });
  await expect(controls).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Servers under a customer key, healthy')).toContainText('30 of 71 replicating servers');
  // The demo estate's findings: ISO 8.24 is not met on 42 servers (29 blocked, 8 unprotected, 4 with an expiring key, and
  // AD-DC-01, which landed without encryption at host).
  const iso = controls.getByRole('row', { name: /ISO27001:2022\/A\.8\.24/ });
  await expect(iso).toContainText('Not met');
  await expect(iso.getByRole('link', { name: '42 servers failing ISO27001:2022/A.8.24' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Key custody' }).getByRole('row', { name: /kv-chx-legacy-weu \/ legacy-key/ })).toContainText(
    'access policy: all',
  );
  await expect(page.getByRole('list', { name: 'Blast radius by key' }).getByRole('listitem').first()).toContainText('servers');
  expect(
    (await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);

  // Nothing on the page writes.
  const commands = await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button').allInnerTexts();
  expect(commands.map((c) => c.trim())).toEqual(['Refresh', 'Download evidence', 'Printable report']);

  // One archive, not two downloads: the bundle, and the estate file whose SHA-256 it names.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download evidence' }).click();
  const archive = await download;
  expect(archive.suggestedFilename()).toMatch(/^lockstep-evidence-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(readFileSync((await archive.path())!));
  expect(Object.keys(files).sort()).toEqual(['README.txt', 'estate.json', 'evidence.json']);
  const evidence = JSON.parse(strFromU8(files['evidence.json']!));
  const estateFile = JSON.parse(strFromU8(files['estate.json']!)) as { kind: string; subscriptions: { subscriptionId: string; displayName: string }[] };
  expect(estateFile).toMatchObject({ kind: 'lockstep.estate' });
  expect(evidence).toMatchObject({
    kind: 'lockstep.evidence',
    version: 1,
    generatedBy: 'ruth.bakker@contosohealth.onmicrosoft.com',
    tool: { name: 'lockstep', version: '0.1.0' },
    summary: { servers: 71 },
  });
  expect(evidence.estateSha256).toBe(createHash('sha256').update(files['estate.json']!).digest('hex'));
  expect(strFromU8(files['README.txt']!)).toContain(evidence.estateSha256);

  // The drill-down lists exactly the servers the control counts as failing.
  const failing = iso.getByRole('link', { name: /\d+ servers failing/ });
  const count = Number(/(\d+) servers/.exec((await failing.getAttribute('aria-label')) ?? '')?.[1]);
  expect(count).toBeGreaterThan(0);
  await failing.click();
  await expect(page.getByText(`Showing ${count} of 71 servers failing`)).toBeVisible();
  // The trail keeps where the drill-down came from.
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveText(/Home.*Compliance.*Replicating servers/);

  // Client-side, so the report uses the same capture the evidence was computed from.
  await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Compliance' }).click();
  // The next 90 days as a labelled picture: one marker per event in the list beside it, dates on the axis.
  const events = page.getByRole('list', { name: 'Upcoming key events' }).getByRole('listitem');
  await expect(events.first()).toBeVisible({ timeout: 30_000 });
  const timeline = page.getByRole('img', { name: /^Key events in the next 90 days: / });
  await expect(timeline.locator('circle')).toHaveCount(await events.count());
  await expect(timeline.locator('text').first()).toHaveText('Today');
  await expect(timeline.locator('text')).toHaveCount(7);
  for (const t of await events.allInnerTexts()) expect(t).toMatch(/\((today|tomorrow|in \d+ days)\)$/);
  await page.getByRole('button', { name: 'Printable report' }).click();
  const report = page.getByRole('article', { name: 'Compliance report' });
  await expect(report).toContainText(evidence.estateSha256, { timeout: 30_000 });
  await expect(report).toContainText('ISO27001:2022/A.8.24 · Use of cryptography');
  // Its scope: the tenant, each subscription read, what could not be read, the settings it judged with.
  const scope = report.getByRole('region', { name: 'Scope' });
  for (const sub of estateFile.subscriptions) await expect(scope).toContainText(`${sub.displayName} (${sub.subscriptionId})`);
  await expect(scope).toContainText('Nothing: every read succeeded.');
  await expect(scope).toContainText('Keys expiring within 30 days are flagged');
  // Exceptions are grouped: one row per rule, however many findings it has, and the bundle's findings add up to the heading.
  const exceptions = report.getByRole('region', { name: 'Exceptions' });
  const ruleCells = await exceptions.getByRole('row').locator('td:first-child').allInnerTexts();
  const ruleIds = ruleCells.map((t) => t.split(' ')[0]!);
  expect(ruleIds.length).toBeGreaterThan(0);
  expect(new Set(ruleIds).size).toBe(ruleIds.length);
  const reported = (evidence.findings as { ruleId: string; severity: string }[]).filter((f) => ['critical', 'high', 'medium'].includes(f.severity));
  await expect(exceptions.getByRole('heading')).toHaveText(`Exceptions: ${reported.length} findings of ${new Set(reported.map((f) => f.ruleId)).size} rules`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Lockstep' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const EMULATOR = 'http://127.0.0.1:3080';

export interface EstateUser {
  objectId: string;
  displayName: string;
  userPrincipalName: string;
  jobTitle?: string;
}

interface Estate {
  tenantId: string;
  tenantDisplayName: string;
  subscriptions: { subscriptionId: string; displayName: string }[];
  users: EstateUser[];
  resources: { id: string; type: string; properties?: { principalId?: string; scope?: string } }[];
}

export const estate: Estate = JSON.parse(readFileSync(join(__dirname, '..', 'emulator', 'estates', 'contoso-health.json'), 'utf8'));

export function user(jobTitle: string): EstateUser {
  const u = estate.users.find((x) => x.jobTitle === jobTitle);
  if (!u) throw new Error(`no ${jobTitle} in the demo estate`);
  return u;
}

/** The subscriptions a user should see, worked out from the estate's role assignments (not from the app). */
export function subscriptionsVisibleTo(u: EstateUser): string[] {
  const scopes = estate.resources
    .filter((r) => r.type === 'Microsoft.Authorization/roleAssignments' && r.properties?.principalId === u.objectId)
    .map((r) => (r.properties?.scope ?? '').toLowerCase());
  return estate.subscriptions
    .filter((s) =>
      scopes.some(
        (scope) =>
          scope === '/' ||
          scope === `/subscriptions/${s.subscriptionId}`.toLowerCase() ||
          scope.startsWith(`/subscriptions/${s.subscriptionId}/`.toLowerCase()),
      ),
    )
    .map((s) => s.displayName)
    .sort();
}

export async function control(path: string, body?: unknown, method = 'POST'): Promise<void> {
  const res = await fetch(`${EMULATOR}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${path}: ${res.status} ${await res.text()}`);
}

export async function resetEmulator(): Promise<void> {
  await control('reset');
}

/**
 * Signs in through the landing page and the emulator's Entra ID sign-in page.
 * With `to`, it starts as a deep link does (`/?returnTo=…`, where a signed-out visit to a page lands) and ends on that page,
 * read once; without it, it ends on the Overview (readers land on Compliance and go on to the Overview).
 */
export async function signIn(page: Page, u: EstateUser, to?: string): Promise<void> {
  await page.goto(to ? `/?returnTo=${encodeURIComponent(to)}` : '/');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(u.displayName) }).click();
  if (to) {
    await page.waitForURL((url) => url.pathname + url.search === to);
    return;
  }
  // Readers land on Compliance, people who can write on the Overview; tests start from the Overview.
  await expect(page).toHaveURL(/\/(overview|compliance)\/$/);
  if (page.url().endsWith('/compliance/')) await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page).toHaveURL(/\/overview\/$/);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
}

/** Goes to Replicating servers, filters to one server and returns its row. */
export async function serverRow(page: Page, machineName: string) {
  // In the app, as a user would go: the estate already read stays read.
  if (new URL(page.url()).pathname !== '/servers/')
    await page.getByRole('navigation', { name: 'Lockstep' }).getByRole('link', { name: 'Replicating servers' }).click();
  const grid = page.getByRole('grid', { name: 'Replicating servers' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill(machineName);
  return grid.getByRole('row', { name: new RegExp(machineName) });
}

import { describe, expect, it } from 'vitest';
import type { EstateFile } from '../../../lib/estate/file';
import { ROLE_IDS } from '../../../lib/estate/builtin-roles';
import { Store } from '../store';
import { isAllowed, subscriptionsVisibleTo, effectivePermissions } from './rbac';
import { roleAssignment } from '../builders';

const T = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
const S2 = '33333333-3333-4333-8333-333333333333';
const ALICE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BOB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const RG = `/subscriptions/${S1}/resourceGroups/rg-app`;
const KV = `${RG}/providers/Microsoft.KeyVault/vaults/kv-app`;
const CUSTOM = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

function estate(...resources: EstateFile['resources']): EstateFile {
  return {
    kind: 'lockstep.estate',
    version: 1,
    capturedAt: '2026-11-29T08:00:00Z',
    tenantId: T,
    subscriptions: [
      { subscriptionId: S1, displayName: 'One', tenantId: T, state: 'Enabled' },
      { subscriptionId: S2, displayName: 'Two', tenantId: T, state: 'Enabled' },
    ],
    users: [],
    applications: [],
    resources,
  };
}

describe('RBAC', () => {
  it('inherits an assignment down the scope tree, not up or sideways', () => {
    const store = new Store(estate(roleAssignment(RG, ALICE, ROLE_IDS.reader, S1, 'User')));
    expect(isAllowed(store, ALICE, 'Microsoft.KeyVault/vaults/read', KV)).toBe(true);
    expect(isAllowed(store, ALICE, 'Microsoft.KeyVault/vaults/read', RG)).toBe(true);
    expect(isAllowed(store, ALICE, 'Microsoft.KeyVault/vaults/read', `/subscriptions/${S1}`)).toBe(false);
    expect(isAllowed(store, ALICE, 'Microsoft.KeyVault/vaults/read', `/subscriptions/${S1}/resourceGroups/rg-app2`)).toBe(false);
    expect(isAllowed(store, ALICE, 'Microsoft.KeyVault/vaults/write', KV)).toBe(false);
    expect(isAllowed(store, BOB, 'Microsoft.KeyVault/vaults/read', KV)).toBe(false);
  });

  it("subtracts a role's notActions: Contributor cannot write role assignments", () => {
    const store = new Store(estate(roleAssignment(`/subscriptions/${S1}`, ALICE, ROLE_IDS.contributor, S1, 'User')));
    expect(isAllowed(store, ALICE, 'Microsoft.Compute/diskEncryptionSets/write', KV)).toBe(true);
    expect(isAllowed(store, ALICE, 'Microsoft.Authorization/roleAssignments/write', KV)).toBe(false);
    expect(isAllowed(store, ALICE, 'Microsoft.Authorization/roleAssignments/read', KV)).toBe(true);
  });

  it("does not let one role's notActions deny what another role grants", () => {
    const store = new Store(
      estate(
        roleAssignment(`/subscriptions/${S1}`, ALICE, ROLE_IDS.contributor, S1, 'User'),
        roleAssignment(RG, ALICE, ROLE_IDS.userAccessAdministrator, S1, 'User'),
      ),
    );
    expect(isAllowed(store, ALICE, 'Microsoft.Authorization/roleAssignments/write', KV)).toBe(true);
    expect(isAllowed(store, ALICE, 'Microsoft.Authorization/roleAssignments/write', `/subscriptions/${S1}`)).toBe(false);
  });

  it('reads custom roles from the estate, with wildcards and notActions', () => {
    const custom = {
      id: `/subscriptions/${S1}/providers/Microsoft.Authorization/roleDefinitions/${CUSTOM}`,
      name: CUSTOM,
      type: 'Microsoft.Authorization/roleDefinitions',
      properties: {
        roleName: 'Key auditor',
        type: 'CustomRole',
        assignableScopes: [`/subscriptions/${S1}`],
        permissions: [{ actions: ['Microsoft.KeyVault/*'], notActions: ['Microsoft.KeyVault/vaults/delete'], dataActions: [], notDataActions: [] }],
      },
    };
    const store = new Store(estate(custom, roleAssignment(`/subscriptions/${S1}`, BOB, CUSTOM, S1, 'User')));
    expect(isAllowed(store, BOB, 'Microsoft.KeyVault/vaults/write', KV)).toBe(true);
    expect(isAllowed(store, BOB, 'microsoft.keyvault/VAULTS/write', KV)).toBe(true);
    expect(isAllowed(store, BOB, 'Microsoft.KeyVault/vaults/delete', KV)).toBe(false);
    expect(isAllowed(store, BOB, 'Microsoft.Compute/diskEncryptionSets/read', KV)).toBe(false);
    expect(effectivePermissions(store, BOB, KV)).toHaveLength(1);
  });

  it('shows a subscription to anyone with an assignment in, on or above it', () => {
    const store = new Store(
      estate(roleAssignment(RG, ALICE, ROLE_IDS.reader, S1, 'User'), {
        id: `/providers/Microsoft.Authorization/roleAssignments/dddddddd-dddd-4ddd-8ddd-dddddddddddd`,
        name: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
        type: 'Microsoft.Authorization/roleAssignments',
        properties: { roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.reader}`, principalId: BOB, scope: '/' },
      }),
    );
    expect(subscriptionsVisibleTo(store, ALICE).map((s) => s.subscriptionId)).toEqual([S1]);
    expect(subscriptionsVisibleTo(store, BOB).map((s) => s.subscriptionId)).toEqual([S1, S2]);
  });
});

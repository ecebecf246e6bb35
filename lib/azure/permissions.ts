import { permissionAllows, type RolePermission } from '../estate/builtin-roles';
import { isAtOrBelow, parseResourceId } from '../estate/ids';
import type { ArmClientFactory } from './client-factory';

/** The action that setting up encryption needs first: creating a disk encryption set. */
export const WRITE_PROBE_ACTION = 'Microsoft.Compute/diskEncryptionSets/write';

/**
 * The subscriptions in which the signed-in principal may perform `action` somewhere, from its own
 * role assignments and their role definitions. Advisory (ARM still decides): it picks the landing
 * page and which actions are offered, never whether a request is sent.
 */
export async function writableSubscriptions(
  factory: ArmClientFactory,
  subscriptionIds: string[],
  principalId: string,
  action = WRITE_PROBE_ACTION,
): Promise<string[]> {
  const out: string[] = [];
  for (const sub of subscriptionIds) {
    for await (const perms of ownRolePermissions(factory, sub, principalId, () => true))
      if (perms.some((p) => permissionAllows(p, action))) {
        out.push(sub);
        break;
      }
  }
  return out;
}

/** The permissions of each role the principal holds in the subscription (`assignedTo`), on the assignments `keep` accepts. */
async function* ownRolePermissions(factory: ArmClientFactory, subscriptionId: string, principalId: string, keep: (scope: string) => boolean) {
  const auth = await factory.authorization(subscriptionId);
  const roleIds = new Set<string>();
  for await (const a of auth.roleAssignments.listForSubscription({ filter: `assignedTo('${principalId}')` }))
    if (a.roleDefinitionId && keep(a.scope ?? '')) roleIds.add(a.roleDefinitionId);
  for (const id of roleIds) yield ((await auth.roleDefinitions.getById(id)).permissions ?? []).map(toRolePermission);
}

export async function canWriteSomewhere(factory: ArmClientFactory, subscriptionIds: string[], principalId: string): Promise<boolean> {
  for (const sub of subscriptionIds) if ((await writableSubscriptions(factory, [sub], principalId)).length > 0) return true;
  return false;
}

type SdkPermission = { actions?: string[]; notActions?: string[]; dataActions?: string[]; notDataActions?: string[] };
const toRolePermission = (p: SdkPermission): RolePermission => ({
  actions: p.actions ?? [],
  notActions: p.notActions ?? [],
  dataActions: p.dataActions ?? [],
  notDataActions: p.notDataActions ?? [],
});

/**
 * The signed-in principal's effective permissions at a scope (Azure's permissions API): at an
 * existing resource, or at the resource group of one that does not exist yet.
 */
export async function permissionsAt(factory: ArmClientFactory, scope: string, exists: boolean, principalId?: string): Promise<RolePermission[]> {
  const p = parseResourceId(scope);
  if (/^\/subscriptions\/[^/]+\/?$/i.test(scope) && p?.subscriptionId) return permissionsAtSubscription(factory, p.subscriptionId, principalId);
  if (!p?.subscriptionId || !p.resourceGroup) throw new Error(`Cannot check permissions at ${scope}.`);
  const auth = await factory.authorization(p.subscriptionId);
  const out: RolePermission[] = [];
  const list =
    exists && p.type.toLowerCase() !== 'microsoft.resources/resourcegroups'
      ? auth.permissions.listForResource(p.resourceGroup, p.type.split('/')[0]!, '', p.type.split('/').slice(1).join('/'), p.name)
      : auth.permissions.listForResourceGroup(p.resourceGroup);
  for await (const x of list) out.push(toRolePermission(x));
  return out;
}

/** Key Vault's global name check (Vaults_CheckNameAvailability). */
export async function vaultNameAvailability(
  factory: ArmClientFactory,
  subscriptionId: string,
  name: string,
): Promise<{ available: boolean; message?: string }> {
  const kv = await factory.keyVault(subscriptionId);
  const r = await kv.vaults.checkNameAvailability({ name, type: 'Microsoft.KeyVault/vaults' });
  return { available: r.nameAvailable !== false, message: r.message };
}

/**
 * At a subscription itself ARM has no permissions API (only for a resource group or a resource): the principal's own
 * role assignments at the subscription or above, and their roles' permissions. Group memberships are not expanded, so
 * this may say no where ARM would say yes; ARM still decides.
 */
async function permissionsAtSubscription(factory: ArmClientFactory, subscriptionId: string, principalId: string | undefined): Promise<RolePermission[]> {
  if (!principalId) throw new Error(`Cannot check permissions at subscription ${subscriptionId} without knowing who is signed in.`);
  const out: RolePermission[] = [];
  for await (const perms of ownRolePermissions(
    factory,
    subscriptionId,
    principalId,
    (scope) => !!scope && isAtOrBelow(`/subscriptions/${subscriptionId}`, scope),
  ))
    out.push(...perms);
  return out;
}

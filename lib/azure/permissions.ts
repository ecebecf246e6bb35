import { permissionAllows, type RolePermission } from '../estate/builtin-roles';
import type { ArmClientFactory } from './client-factory';

/** The action that setting up encryption needs first: creating a disk encryption set. */
export const WRITE_PROBE_ACTION = 'Microsoft.Compute/diskEncryptionSets/write';

/**
 * The subscriptions in which the signed-in principal may perform `action` somewhere, from its own
 * role assignments and their role definitions. Advisory (ARM still decides): it picks the landing
 * page and which actions are offered, never whether a request is sent.
 */
export async function writableSubscriptions(factory: ArmClientFactory, subscriptionIds: string[], principalId: string, action = WRITE_PROBE_ACTION): Promise<string[]> {
  const out: string[] = [];
  for (const sub of subscriptionIds) {
    const auth = await factory.authorization(sub);
    const roleIds = new Set<string>();
    for await (const a of auth.roleAssignments.listForSubscription({ filter: `assignedTo('${principalId}')` })) if (a.roleDefinitionId) roleIds.add(a.roleDefinitionId);
    for (const id of roleIds) {
      const def = await auth.roleDefinitions.getById(id);
      const perms = (def.permissions ?? []).map((p) => ({ actions: p.actions ?? [], notActions: p.notActions ?? [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] }) satisfies RolePermission);
      if (perms.some((p) => permissionAllows(p, action))) {
        out.push(sub);
        break;
      }
    }
  }
  return out;
}

export async function canWriteSomewhere(factory: ArmClientFactory, subscriptionIds: string[], principalId: string): Promise<boolean> {
  for (const sub of subscriptionIds) if ((await writableSubscriptions(factory, [sub], principalId)).length > 0) return true;
  return false;
}

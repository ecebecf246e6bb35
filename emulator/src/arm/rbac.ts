import type { ArmResource } from '../../../lib/estate/file';
import { isAtOrBelow, normalizeId, parseResourceId } from '../../../lib/estate/ids';
import { permissionAllows, type RolePermission } from '../../../lib/estate/builtin-roles';
import type { Store } from '../store';

export interface Assignment {
  id: string;
  scope: string;
  principalId: string;
  roleDefinitionId: string;
}

export function assignmentScope(r: ArmResource): string {
  const props = r.properties as { scope?: string } | undefined;
  return props?.scope ?? parseResourceId(r.id)?.scope ?? '/';
}

export function assignments(store: Store): Assignment[] {
  return store.ofType('Microsoft.Authorization/roleAssignments').map((r) => {
    const p = (r.properties ?? {}) as { principalId?: string; roleDefinitionId?: string };
    return { id: r.id, scope: assignmentScope(r), principalId: p.principalId ?? '', roleDefinitionId: p.roleDefinitionId ?? '' };
  });
}

export function assignmentsOf(store: Store, principalId: string): Assignment[] {
  const l = principalId.toLowerCase();
  return assignments(store).filter((a) => a.principalId.toLowerCase() === l);
}

/** Permission blocks that apply at `scope`: from the principal's assignments at that scope or above it. */
export function effectivePermissions(store: Store, principalId: string, scope: string): RolePermission[] {
  return assignmentsOf(store, principalId)
    .filter((a) => isAtOrBelow(scope, a.scope))
    .flatMap((a) => store.rolePermissions(a.roleDefinitionId));
}

/**
 * ARM's check: some role assigned at or above the scope grants the action, after that role's
 * notActions are subtracted. (Roles are unioned; a notAction of one role does not deny another's.)
 */
export function isAllowed(store: Store, principalId: string, action: string, scope: string): boolean {
  return effectivePermissions(store, principalId, scope).some((p) => permissionAllows(p, action));
}

/** True when the principal holds any assignment at, above or below the scope (what makes a subscription visible). */
export function hasAnyAccess(store: Store, principalId: string, scope: string): boolean {
  return assignmentsOf(store, principalId).some((a) => isAtOrBelow(scope, a.scope) || isAtOrBelow(a.scope, scope));
}

export function subscriptionsVisibleTo(store: Store, principalId: string) {
  return store.estate.subscriptions.filter((s) => hasAnyAccess(store, principalId, `/subscriptions/${s.subscriptionId}`));
}

export function sameScope(a: string, b: string): boolean {
  return normalizeId(a) === normalizeId(b);
}

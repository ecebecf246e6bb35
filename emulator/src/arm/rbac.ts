import type { ArmResource } from '../../../lib/estate/file';
import { isAtOrBelow, parseResourceId } from '../../../lib/estate/ids';
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

const cache = new WeakMap<Store, { version: number; byPrincipal: Map<string, Assignment[]> }>();

export function assignments(store: Store): Assignment[] {
  return store.ofType('Microsoft.Authorization/roleAssignments').map((r) => {
    const p = (r.properties ?? {}) as { principalId?: string; roleDefinitionId?: string };
    return { id: r.id, scope: assignmentScope(r), principalId: p.principalId ?? '', roleDefinitionId: p.roleDefinitionId ?? '' };
  });
}

/** A principal's role assignments, recomputed only when the store changes (RBAC runs on every request). */
export function assignmentsOf(store: Store, principalId: string): Assignment[] {
  let c = cache.get(store);
  if (!c || c.version !== store.version) {
    const byPrincipal = new Map<string, Assignment[]>();
    for (const a of assignments(store)) {
      const k = a.principalId.toLowerCase();
      byPrincipal.set(k, [...(byPrincipal.get(k) ?? []), a]);
    }
    c = { version: store.version, byPrincipal };
    cache.set(store, c);
  }
  return c.byPrincipal.get(principalId.toLowerCase()) ?? [];
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

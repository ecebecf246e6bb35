import type { ArmResource, EstateFile } from '../../lib/estate/file';
import { isAtOrBelow, normalizeId, parseResourceId, sameType } from '../../lib/estate/ids';
import { BUILT_IN_ROLES, type RolePermission } from '../../lib/estate/builtin-roles';

/**
 * The emulator's ARM state: the seed estate's resources, keyed by lower-cased id, in document order.
 * Writes change it; `reset()` returns to the seed.
 */
export class Store {
  estate!: EstateFile;
  private byId = new Map<string, ArmResource>();
  /** Principal ids created at run time (new managed identities). */
  private createdPrincipals = new Set<string>();

  constructor(private readonly seed: EstateFile) {
    this.reset();
  }

  reset(): void {
    this.estate = structuredClone(this.seed);
    this.byId = new Map(this.estate.resources.map((r) => [normalizeId(r.id), r]));
    this.createdPrincipals.clear();
  }

  get tenantId(): string {
    return this.estate.tenantId;
  }

  get(id: string): ArmResource | undefined {
    return this.byId.get(normalizeId(id));
  }

  put(resource: ArmResource): void {
    this.byId.set(normalizeId(resource.id), resource);
  }

  /** Deletes a resource and everything below it, as ARM deletes nested resources with their parent. */
  remove(id: string): boolean {
    const key = normalizeId(id);
    const existed = this.byId.delete(key);
    for (const k of [...this.byId.keys()]) if (k.startsWith(key + '/')) this.byId.delete(k);
    return existed;
  }

  all(): ArmResource[] {
    return [...this.byId.values()];
  }

  ofType(type: string): ArmResource[] {
    return this.all().filter((r) => sameType(r.type, type));
  }

  /** Resources of `type` anywhere at or below `scopeId` (list by subscription, resource group or vault). */
  listUnder(scopeId: string, type: string): ArmResource[] {
    return this.all().filter((r) => sameType(r.type, type) && isAtOrBelow(r.id, scopeId) && normalizeId(r.id) !== normalizeId(scopeId));
  }

  /** Direct children of `parentId` of `type`. */
  children(parentId: string, type: string): ArmResource[] {
    const p = normalizeId(parentId);
    return this.all().filter((r) => sameType(r.type, type) && normalizeId(parseResourceId(r.id)?.parentId ?? '') === p);
  }

  subscription(id: string) {
    return this.estate.subscriptions.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase());
  }

  user(objectId: string) {
    return this.estate.users?.find((u) => u.objectId.toLowerCase() === objectId.toLowerCase());
  }

  userByName(upn: string) {
    return this.estate.users?.find((u) => u.userPrincipalName.toLowerCase() === upn.toLowerCase());
  }

  application(appId: string) {
    return this.estate.applications?.find((a) => a.appId.toLowerCase() === appId.toLowerCase());
  }

  registerPrincipal(id: string): void {
    this.createdPrincipals.add(id.toLowerCase());
  }

  /** Directory objects the emulator's Entra ID knows: users and managed identities. */
  principalExists(id: string): boolean {
    const l = id.toLowerCase();
    if (this.user(l) || this.createdPrincipals.has(l)) return true;
    return this.all().some((r) => {
      const identity = r.identity as { principalId?: string; userAssignedIdentities?: Record<string, { principalId?: string }> } | null | undefined;
      if (identity?.principalId?.toLowerCase() === l) return true;
      if (Object.values(identity?.userAssignedIdentities ?? {}).some((u) => u.principalId?.toLowerCase() === l)) return true;
      const props = r.properties as { principalId?: string } | undefined;
      return sameType(r.type, 'Microsoft.ManagedIdentity/userAssignedIdentities') && props?.principalId?.toLowerCase() === l;
    });
  }

  /** Built-in roles plus the estate's custom roles, as ARM role definition resources. */
  roleDefinitions(): ArmResource[] {
    const builtIn: ArmResource[] = BUILT_IN_ROLES.map((r) => ({
      id: `/providers/Microsoft.Authorization/roleDefinitions/${r.id}`,
      name: r.id,
      type: 'Microsoft.Authorization/roleDefinitions',
      properties: {
        roleName: r.roleName,
        type: 'BuiltInRole',
        description: r.description,
        assignableScopes: ['/'],
        permissions: r.permissions,
        createdOn: '2015-02-02T21:55:09.8806423Z',
        updatedOn: '2024-01-01T00:00:00.0000000Z',
        createdBy: null,
        updatedBy: null,
      },
    }));
    return [...builtIn, ...this.ofType('Microsoft.Authorization/roleDefinitions')];
  }

  /** Finds a role definition by its GUID or by any id that ends in it. */
  roleDefinition(idOrGuid: string): ArmResource | undefined {
    const guid = idOrGuid.split('/').pop()!.toLowerCase();
    return this.roleDefinitions().find((d) => d.name.toLowerCase() === guid);
  }

  rolePermissions(roleDefinitionId: string): RolePermission[] {
    const def = this.roleDefinition(roleDefinitionId);
    const perms = (def?.properties as { permissions?: Partial<RolePermission>[] } | undefined)?.permissions ?? [];
    return perms.map((p) => ({ actions: p.actions ?? [], notActions: p.notActions ?? [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] }));
  }
}

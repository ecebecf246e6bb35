import type { ArmResource, EstateFile } from '../../lib/estate/file';
import { normalizeId, parseResourceId, sameType } from '../../lib/estate/ids';
import { BUILT_IN_ROLES, type RolePermission } from '../../lib/estate/builtin-roles';

/**
 * Microsoft's own public clients, known to every Entra tenant without an app registration: the Azure CLI and Azure
 * PowerShell sign in with these client ids (native-client redirect URIs, the Graph permissions they are granted).
 */
export const FIRST_PARTY_CLIENTS = [
  {
    appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    displayName: 'Microsoft Azure CLI',
    redirectUris: ['http://localhost'],
    graphPermissions: ['User.Read', 'Directory.AccessAsUser.All'],
  },
  {
    appId: '1950a258-227b-4e31-a9cf-717495945fc2',
    displayName: 'Microsoft Azure PowerShell',
    redirectUris: ['http://localhost', 'urn:ietf:wg:oauth:2.0:oob'],
    graphPermissions: ['User.Read', 'Directory.AccessAsUser.All'],
  },
];

/**
 * The emulator's ARM state: the seed estate's resources, keyed by lower-cased id, in document order.
 * Writes change it; `reset()` returns to the seed.
 */
export class Store {
  estate!: EstateFile;
  private byId = new Map<string, ArmResource>();
  /** Resources by lower-cased type: most requests ask for one type, and a big estate has tens of thousands of resources. */
  private byType = new Map<string, Map<string, ArmResource>>();
  /** Bumped on every write, so derived data (role assignments) can be cached. */
  version = 0;
  /** Principal ids created at run time (new managed identities). */
  private createdPrincipals = new Set<string>();

  constructor(private readonly seed: EstateFile) {
    this.reset();
  }

  reset(): void {
    this.estate = structuredClone(this.seed);
    this.byId = new Map();
    this.byType = new Map();
    for (const r of this.estate.resources) this.index(r);
    this.createdPrincipals.clear();
    this.version++;
  }

  get tenantId(): string {
    return this.estate.tenantId;
  }

  get(id: string): ArmResource | undefined {
    return this.byId.get(normalizeId(id));
  }

  private index(resource: ArmResource): void {
    const key = normalizeId(resource.id);
    const before = this.byId.get(key);
    if (before) this.byType.get(before.type.toLowerCase())?.delete(key);
    this.byId.set(key, resource);
    const t = resource.type.toLowerCase();
    let m = this.byType.get(t);
    if (!m) this.byType.set(t, (m = new Map()));
    m.set(key, resource);
  }

  put(resource: ArmResource): void {
    this.index(resource);
    this.version++;
  }

  /** Deletes a resource and everything below it, as ARM deletes nested resources with their parent. */
  remove(id: string): boolean {
    const key = normalizeId(id);
    const existed = this.byId.has(key);
    for (const [k, r] of [...this.byId.entries()]) {
      if (k === key || k.startsWith(key + '/')) {
        this.byId.delete(k);
        this.byType.get(r.type.toLowerCase())?.delete(k);
      }
    }
    this.version++;
    return existed;
  }

  all(): ArmResource[] {
    return [...this.byId.values()];
  }

  ofType(type: string): ArmResource[] {
    return [...(this.byType.get(type.toLowerCase())?.values() ?? [])];
  }

  /** Resources of `type` anywhere at or below `scopeId` (list by subscription, resource group or vault). */
  listUnder(scopeId: string, type: string): ArmResource[] {
    const prefix = normalizeId(scopeId) + '/';
    return [...(this.byType.get(type.toLowerCase())?.entries() ?? [])].filter(([k]) => k.startsWith(prefix)).map(([, r]) => r);
  }

  /** Direct children of `parentId` of `type`. */
  children(parentId: string, type: string): ArmResource[] {
    const p = normalizeId(parentId);
    return this.ofType(type).filter((r) => normalizeId(parseResourceId(r.id)?.parentId ?? '') === p);
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

  /** The estate's app registrations, then Microsoft's first-party public clients, which every tenant knows. */
  application(appId: string) {
    return (
      this.estate.applications?.find((a) => a.appId.toLowerCase() === appId.toLowerCase()) ?? FIRST_PARTY_CLIENTS.find((a) => a.appId === appId.toLowerCase())
    );
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
    return perms.map((p) => ({
      actions: p.actions ?? [],
      notActions: p.notActions ?? [],
      dataActions: p.dataActions ?? [],
      notDataActions: p.notDataActions ?? [],
    }));
  }
}

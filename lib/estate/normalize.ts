/**
 * normalize(estate file) → Estate graph. Strict about ARM's looseness, forgiving with it:
 * ids compare case-insensitively, booleans may be strings, fields may be absent (absent is not
 * false), unknown enum values are kept as they are.
 */
import { revealAll } from './display';
import { BUILT_IN_ROLES } from './builtin-roles';
import type { ArmResource, EstateFile } from './file';
import { isAtOrBelow, normalizeId, parseResourceId } from './ids';
import { runSync, STRIDE, type Steps } from './steps';
export { isArmGap, rawResource } from './ids';
import type {
  AccessPolicy,
  DiagnosticSetting,
  DiskEncryptionSet,
  Estate,
  Key,
  KeyAttributes,
  KeyUrlParts,
  KeyVault,
  KeyVersion,
  LandedVm,
  DiskPolicyAssignment,
  Lock,
  Lookup,
  MigrateProject,
  RecoveryVault,
  ReplicatingDisk,
  ReplicatingServer,
  RoleAssignment,
  RoleDefinition,
  RolePermissionSet,
  Subscription,
  TestMigration,
  UserAssignedIdentity,
} from './model';
import { DISK_POLICIES } from './model';

type Json = Record<string, unknown>;

export function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const l = v.trim().toLowerCase();
    if (l === 'true') return true;
    if (l === 'false') return false;
  }
  return undefined;
}

export function toNum(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function obj(v: unknown): Json {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** `West Europe` and `westeurope` are the same region. */
export function normalizeRegion(r: string | undefined): string | undefined {
  return r ? r.replace(/\s+/g, '').toLowerCase() : undefined;
}

/**
 * `https://kv.vault.azure.net:443/keys/name/version` → host, vault, key, version. Key URLs compare by
 * these parts: ARM writes `:443` into `keyUri`, DES key URLs usually do not.
 */
export function parseKeyUrl(url: string | undefined): KeyUrlParts | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const segs = u.pathname.split('/').filter(Boolean);
  if (segs[0]?.toLowerCase() !== 'keys' || !segs[1]) return undefined;
  const host = u.hostname.toLowerCase();
  return { host, vaultName: host.split('.')[0]!, keyName: segs[1], version: segs[2] };
}

/** Managed HSM key hosts in every cloud: `{name}.managedhsm.azure.net`, `.managedhsm.usgovcloudapi.net`, `.managedhsm.azure.cn`. */
export function isManagedHsmHost(host: string | undefined): boolean {
  return !!host && /\.managedhsm\./i.test(host);
}

export function sameKeyUrl(a: string | undefined, b: string | undefined): boolean {
  const x = parseKeyUrl(a);
  const y = parseKeyUrl(b);
  if (!x || !y) return false;
  return x.host === y.host && x.keyName.toLowerCase() === y.keyName.toLowerCase() && (x.version ?? '').toLowerCase() === (y.version ?? '').toLowerCase();
}

function typeIs(r: ArmResource, t: string): boolean {
  return r.type.length === t.length && r.type.toLowerCase() === t.toLowerCase();
}

function attributes(v: unknown): KeyAttributes {
  const a = obj(v);
  return { enabled: toBool(a.enabled), exp: toNum(a.exp), nbf: toNum(a.nbf), created: toNum(a.created) };
}

function permissionSets(v: unknown): RolePermissionSet[] {
  return arr(v).map((p) => {
    const o = obj(p);
    const list = (k: string) => arr(o[k]).filter((x): x is string => typeof x === 'string');
    return { actions: list('actions'), notActions: list('notActions'), dataActions: list('dataActions'), notDataActions: list('notDataActions') };
  });
}

/** Assignments of the built-in disk-encryption policies, with the effect each will have. */
function diskPolicyAssignments(file: EstateFile): DiskPolicyAssignment[] {
  const out: DiskPolicyAssignment[] = [];
  for (const r of file.resources) {
    if (!typeIs(r, 'Microsoft.Authorization/policyAssignments')) continue;
    const p = obj(r.properties);
    const defName = (str(p.policyDefinitionId) ?? '').split('/').pop()?.toLowerCase();
    const policy = defName === DISK_POLICIES.allowedDes ? 'allowedDes' : defName === DISK_POLICIES.cmkRequired ? 'cmkRequired' : undefined;
    if (!policy) continue;
    const params = obj(p.parameters);
    const given = str(obj(params.effect).value);
    let effect: DiskPolicyAssignment['effect'] = given === 'Deny' || given === 'Disabled' ? given : 'Audit';
    if (effect === 'Deny' && str(p.enforcementMode) === 'DoNotEnforce') effect = 'Audit';
    out.push({
      id: r.id,
      name: r.name,
      displayName: str(p.displayName),
      scope: str(p.scope) ?? parseResourceId(r.id)?.scope ?? '/',
      notScopes: arr(p.notScopes).filter((x): x is string => typeof x === 'string'),
      policy,
      effect,
      allowedEncryptionSets: arr(obj(params.allowedEncryptionSets).value)
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.toLowerCase()),
    });
  }
  return out;
}

/** The VM a migration item lands as: its target name in its target resource group. */
export function landedVmId(server: Pick<ReplicatingServer, 'targetResourceGroupId' | 'vmName'>): string | undefined {
  return server.targetResourceGroupId && server.vmName
    ? `${server.targetResourceGroupId}/providers/Microsoft.Compute/virtualMachines/${server.vmName}`
    : undefined;
}

/** A server whose migration succeeded: its landed VM and disks as the capture holds them. */
function landedOf(server: ReplicatingServer, raw: Map<string, ArmResource>): LandedVm | undefined {
  if (server.migrationState !== 'MigrationSucceeded') return undefined;
  const vmId = landedVmId(server);
  return vmId ? vmAt(vmId, raw) : undefined;
}

/** A VM and the managed disks it names, as the capture holds them. */
function vmAt(vmId: string, raw: Map<string, ArmResource>): LandedVm {
  const vm = raw.get(normalizeId(vmId));
  if (!vm) return { vmId, found: false, disks: [] };
  const p = obj(vm.properties);
  const storage = obj(p.storageProfile);
  const refs = [obj(storage.osDisk), ...arr(storage.dataDisks).map(obj)].map((d) => str(obj(d.managedDisk).id)).filter((x): x is string => !!x);
  return {
    vmId: vm.id,
    found: true,
    encryptionAtHost: toBool(obj(p.securityProfile).encryptionAtHost) ?? false,
    disks: refs.map((id) => {
      const disk = raw.get(normalizeId(id));
      const enc = obj(obj(disk?.properties).encryption);
      return { id, name: disk?.name ?? id.split('/').pop()!, found: !!disk, encryptionType: str(enc.type), desId: str(enc.diskEncryptionSetId) || undefined };
    }),
  };
}

export const REPLICATION_JOB_TYPE = 'Microsoft.RecoveryServices/vaults/replicationJobs';

/**
 * The latest successful test migration job of a migration item, from the vault's replication jobs: scenario TestMigrate
 * (or TestFailover), state Succeeded, about this machine (its `targetObjectName`, or a protected item the job names).
 */
export function testMigrationJob(resources: Iterable<ArmResource>, item: ArmResource): ArmResource | undefined {
  const vaultId = normalizeId(item.id.split('/replicationFabrics/')[0]!);
  const machine = String(obj(item.properties).machineName ?? '').toLowerCase();
  let best: ArmResource | undefined;
  for (const r of resources) {
    if (!typeIs(r, REPLICATION_JOB_TYPE) || !normalizeId(r.id).startsWith(`${vaultId}/`)) continue;
    const p = obj(r.properties);
    if (!/^test(migrate|failover)$/i.test(String(p.scenarioName ?? '')) || String(p.state ?? '').toLowerCase() !== 'succeeded') continue;
    const named = arr(obj(p.customDetails).protectedItemDetails).some((x) => String(obj(x).name ?? '').toLowerCase() === item.name.toLowerCase());
    if (!named && String(p.targetObjectName ?? '').toLowerCase() !== machine) continue;
    if (!best || String(p.startTime ?? '') > String(obj(best.properties).startTime ?? '')) best = r;
  }
  return best;
}

/**
 * The test VM a test migration job names: `TestFailoverJobDetails.protectedItemDetails[].testVmName`. Undefined when the
 * job does not name it (Azure Migrate's recorded VMwareCbt test migrations carry `AsrJobDetails`, which does not).
 */
export function testVmNameOf(job: ArmResource, item: ArmResource): string | undefined {
  const details = obj(obj(job.properties).customDetails);
  if (details.instanceType !== 'TestFailoverJobDetails') return undefined;
  const entries = arr(details.protectedItemDetails).map(obj);
  const mine = entries.find((x) => String(x.name ?? '').toLowerCase() === item.name.toLowerCase()) ?? (entries.length === 1 ? entries[0] : undefined);
  return str(mine?.testVmName) || undefined;
}

/** A server whose test migration succeeded: the job that ran it and, where the job names it, the test VM and its disks. */
function testMigrationOf(server: ReplicatingServer, item: ArmResource, vaultJobs: ArmResource[], raw: Map<string, ArmResource>): TestMigration | undefined {
  if (server.testMigrateState !== 'TestMigrationSucceeded') return undefined;
  const job = testMigrationJob(vaultJobs, item);
  const vmName = job ? testVmNameOf(job, item) : undefined;
  return {
    jobId: job?.id,
    vm: vmName && server.targetResourceGroupId ? vmAt(`${server.targetResourceGroupId}/providers/Microsoft.Compute/virtualMachines/${vmName}`, raw) : undefined,
  };
}

export function normalize(file: EstateFile): Estate {
  return runSync(normalizeSteps(file));
}

/** `normalize`, as steps: one per resource read and one per server built (see steps.ts). */
export function* normalizeSteps(file: EstateFile): Steps<Estate> {
  const phase = 'Reading the estate';
  const total = file.resources.length;
  const raw = new Map<string, ArmResource>();
  for (const r of file.resources) raw.set(normalizeId(r.id), r);

  const subscriptions = new Map<string, Subscription>();
  for (const s of file.subscriptions) {
    subscriptions.set(s.subscriptionId.toLowerCase(), {
      id: `/subscriptions/${s.subscriptionId}`,
      subscriptionId: s.subscriptionId,
      displayName: s.displayName,
      state: s.state,
    });
  }

  const roleDefinitions = new Map<string, RoleDefinition>();
  for (const r of BUILT_IN_ROLES)
    roleDefinitions.set(r.id, {
      id: `/providers/Microsoft.Authorization/roleDefinitions/${r.id}`,
      name: r.id,
      roleName: r.roleName,
      builtIn: true,
      permissions: r.permissions,
    });

  const projects: MigrateProject[] = [];
  const recoveryVaults: RecoveryVault[] = [];
  const servers: ReplicatingServer[] = [];
  const diskEncryptionSets = new Map<string, DiskEncryptionSet>();
  const keyVaults = new Map<string, KeyVault>();
  const keys = new Map<string, Key>();
  const keyVersions = new Map<string, KeyVersion>();
  const roleAssignments: RoleAssignment[] = [];
  const diagnosticSettings: DiagnosticSetting[] = [];
  const locks: Lock[] = [];
  const mappingRegion = new Map<string, string>();
  const solutionVault = new Map<string, string>();

  let done = 0;
  for (const r of file.resources) {
    if (++done % STRIDE === 0) yield { phase, done, total };
    const p = obj(r.properties);
    const parsed = parseResourceId(r.id);
    const sub = parsed?.subscriptionId ?? '';
    const rg = parsed?.resourceGroup ?? '';
    if (typeIs(r, 'Microsoft.Migrate/migrateProjects')) {
      projects.push({ id: r.id, name: r.name, subscriptionId: sub, location: r.location });
    } else if (typeIs(r, 'Microsoft.Migrate/migrateProjects/solutions')) {
      const vaultId = str(obj(obj(p.details).extendedDetails).vaultId);
      if (vaultId && parsed?.parentId) solutionVault.set(normalizeId(vaultId), parsed.parentId);
    } else if (typeIs(r, 'Microsoft.RecoveryServices/vaults')) {
      recoveryVaults.push({ id: r.id, name: r.name, subscriptionId: sub, resourceGroup: rg, location: r.location });
    } else if (typeIs(r, 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings')) {
      const region = normalizeRegion(str(obj(p.providerSpecificDetails).targetLocation));
      if (region && parsed?.parentId) mappingRegion.set(normalizeId(parsed.parentId), region);
    } else if (typeIs(r, 'Microsoft.Compute/diskEncryptionSets')) {
      const identity = obj(r.identity);
      const principals = [str(identity.principalId), ...Object.values(obj(identity.userAssignedIdentities)).map((u) => str(obj(u).principalId))].filter(
        (x): x is string => !!x,
      );
      const activeKey = obj(p.activeKey);
      const err = obj(p.autoKeyRotationError);
      diskEncryptionSets.set(normalizeId(r.id), {
        id: r.id,
        name: r.name,
        subscriptionId: sub,
        resourceGroup: rg,
        location: normalizeRegion(r.location),
        identityType: str(identity.type),
        principalIds: principals,
        encryptionType: str(p.encryptionType),
        keyUrl: str(activeKey.keyUrl),
        key: parseKeyUrl(str(activeKey.keyUrl)),
        sourceVaultId: str(obj(activeKey.sourceVault).id),
        federatedClientId: str(p.federatedClientId) && str(p.federatedClientId)!.toLowerCase() !== 'none' ? str(p.federatedClientId) : undefined,
        rotationToLatestKeyVersionEnabled: toBool(p.rotationToLatestKeyVersionEnabled),
        autoKeyRotationError: Object.keys(err).length > 0 ? { code: str(err.code), message: str(err.message) } : undefined,
        provisioningState: str(p.provisioningState),
        lastKeyRotationTimestamp: str(p.lastKeyRotationTimestamp),
      });
    } else if (typeIs(r, 'Microsoft.KeyVault/vaults') || typeIs(r, 'Microsoft.KeyVault/managedHSMs')) {
      const acls = obj(p.networkAcls);
      const hsm = typeIs(r, 'Microsoft.KeyVault/managedHSMs');
      keyVaults.set(normalizeId(r.id), {
        id: r.id,
        name: r.name,
        kind: hsm ? 'managedHsm' : 'vault',
        provisioningState: str(p.provisioningState),
        ...(hsm
          ? {
              securityDomainStatus: str(obj(p.securityDomainProperties).activationStatus),
              administrators: arr(p.initialAdminObjectIds).filter((x): x is string => typeof x === 'string'),
            }
          : {}),
        subscriptionId: sub,
        resourceGroup: rg,
        location: normalizeRegion(r.location),
        sku: str(obj(hsm ? r.sku : p.sku).name),
        enableSoftDelete: toBool(p.enableSoftDelete),
        enablePurgeProtection: toBool(p.enablePurgeProtection),
        enableRbacAuthorization: toBool(p.enableRbacAuthorization),
        softDeleteRetentionInDays: toNum(p.softDeleteRetentionInDays),
        networkDefaultAction: str(acls.defaultAction),
        networkBypass: str(acls.bypass),
        ipRules: arr(acls.ipRules).map((x) => ({ value: String(obj(x).value ?? '') })),
        virtualNetworkRules: arr(acls.virtualNetworkRules).map((x) => ({
          id: String(obj(x).id ?? ''),
          ...(toBool(obj(x).ignoreMissingVnetServiceEndpoint) !== undefined
            ? { ignoreMissingVnetServiceEndpoint: toBool(obj(x).ignoreMissingVnetServiceEndpoint) }
            : {}),
        })),
        publicNetworkAccess: str(p.publicNetworkAccess),
        accessPolicies: arr(p.accessPolicies).map((a): AccessPolicy => {
          const o = obj(a);
          return { objectId: String(o.objectId ?? ''), keys: arr(obj(o.permissions).keys).filter((k): k is string => typeof k === 'string') };
        }),
      });
    } else if (typeIs(r, 'Microsoft.KeyVault/vaults/keys')) {
      const policy = obj(p.rotationPolicy);
      const actions = arr(policy.lifetimeActions).map((a) => String(obj(obj(a).action).type ?? '').toLowerCase());
      const rotate = arr(policy.lifetimeActions).find((a) => String(obj(obj(a).action).type ?? '').toLowerCase() === 'rotate');
      keys.set(normalizeId(r.id), {
        id: r.id,
        name: r.name,
        vaultId: parsed?.parentId ?? '',
        kty: str(p.kty),
        keySize: toNum(p.keySize),
        attributes: attributes(p.attributes),
        currentVersion: parseKeyUrl(str(p.keyUriWithVersion))?.version,
        hasRotationPolicy: Object.keys(policy).length > 0,
        rotates: Object.keys(policy).length > 0 ? actions.includes('rotate') : undefined,
        rotateAfter: str(obj(obj(rotate).trigger).timeAfterCreate),
      });
    } else if (typeIs(r, 'Microsoft.KeyVault/vaults/keys/versions')) {
      keyVersions.set(normalizeId(r.id), {
        id: r.id,
        keyId: parsed?.parentId ?? '',
        version: r.name,
        kty: str(p.kty),
        keySize: toNum(p.keySize),
        attributes: attributes(p.attributes),
      });
    } else if (typeIs(r, 'Microsoft.Authorization/roleAssignments')) {
      roleAssignments.push({
        id: r.id,
        scope: str(p.scope) ?? parsed?.scope ?? '/',
        principalId: String(p.principalId ?? ''),
        roleDefinitionId: String(p.roleDefinitionId ?? ''),
      });
    } else if (typeIs(r, 'Microsoft.Authorization/roleDefinitions')) {
      roleDefinitions.set(r.name.toLowerCase(), {
        id: r.id,
        name: r.name,
        roleName: String(p.roleName ?? r.name),
        builtIn: String(p.type ?? '') === 'BuiltInRole',
        permissions: permissionSets(p.permissions),
      });
    } else if (typeIs(r, 'Microsoft.Insights/diagnosticSettings')) {
      diagnosticSettings.push({
        id: r.id,
        scope: parsed?.scope ?? '',
        logs: arr(p.logs).map((l) => {
          const o = obj(l);
          return { category: str(o.category), categoryGroup: str(o.categoryGroup), enabled: toBool(o.enabled) };
        }),
        workspaceId: str(p.workspaceId),
      });
    } else if (typeIs(r, 'Microsoft.Authorization/locks')) {
      locks.push({ id: r.id, scope: parsed?.scope ?? '', level: String(p.level ?? '') });
    }
  }

  for (const v of recoveryVaults) v.projectId = solutionVault.get(normalizeId(v.id));
  for (const pr of projects) pr.vaultId = recoveryVaults.find((v) => v.projectId && normalizeId(v.projectId) === normalizeId(pr.id))?.id;

  const vaultById = new Map(recoveryVaults.map((v) => [normalizeId(v.id), v]));
  const vaultOf = (id: string) => {
    const vaultId = id.split('/').slice(0, 9).join('/');
    return { vaultId, vault: vaultById.get(normalizeId(vaultId)), containerId: id.split('/').slice(0, 13).join('/') };
  };
  // Each vault's replication jobs, so a server's test migration is looked up among its own vault's jobs only.
  const jobsByVault = new Map<string, ArmResource[]>();
  for (const r of file.resources) {
    if (!typeIs(r, REPLICATION_JOB_TYPE)) continue;
    const vaultId = normalizeId(r.id.split('/replicationJobs/')[0]!);
    const list = jobsByVault.get(vaultId) ?? [];
    list.push(r);
    jobsByVault.set(vaultId, list);
  }
  // Untrusted text is shown as it is: invisible and bidirectional controls become visible tokens (display.ts), one
  // server at a time here and the rest of the graph at the end.
  done = 0;
  for (const r of file.resources) {
    if (++done % STRIDE === 0) yield { phase, done, total };
    const server = typeIs(r, MIGRATION_ITEM) ? agentlessServer(r) : typeIs(r, PROTECTED_ITEM) ? agentBasedServer(r) : undefined;
    if (!server) continue;
    const { vaultId, vault, containerId } = vaultOf(r.id);
    server.vaultId = vault?.id ?? vaultId;
    server.projectId = vault?.projectId;
    server.targetRegion ??= mappingRegion.get(normalizeId(containerId)) ?? (server.method === 'agent-based' ? normalizeRegion(vault?.location) : undefined);
    server.landed = landedOf(server, raw);
    server.testMigration = testMigrationOf(server, r, jobsByVault.get(normalizeId(vaultId)) ?? [], raw);
    servers.push(revealAll(server));
  }

  const estate = revealAll({
    capturedAt: file.capturedAt,
    tenantId: file.tenantId,
    tenantDisplayName: file.tenantDisplayName,
    subscriptions,
    projects,
    recoveryVaults,
    servers: [] as ReplicatingServer[],
    diskEncryptionSets,
    userAssignedIdentities: new Map(
      file.resources
        .filter((r) => typeIs(r, 'Microsoft.ManagedIdentity/userAssignedIdentities'))
        .map((r): [string, UserAssignedIdentity] => [normalizeId(r.id), { id: r.id, name: r.name, principalId: str(obj(r.properties).principalId) }]),
    ),
    keyVaults,
    keys,
    keyVersions,
    roleAssignments,
    roleDefinitions,
    diagnosticSettings,
    locks,
    policyAssignments: diskPolicyAssignments(file),
    gaps: file.gaps ?? [],
    principals: principalNames(file),
    raw,
  });
  estate.servers = servers;
  return estate;
}

export const MIGRATION_ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems';
export const PROTECTED_ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems';
const MIGRATION_ITEM = MIGRATION_ITEM_TYPE;
const PROTECTED_ITEM = PROTECTED_ITEM_TYPE;

/** Providers of protected items that are Azure Migrate's agent-based migration (the rest are disaster recovery). */
const AGENT_BASED_PROVIDERS = new Set(['inmagercm', 'inmageazurev2']);

export function isAgentBasedProvider(instanceType: unknown): boolean {
  return AGENT_BASED_PROVIDERS.has(String(instanceType ?? '').toLowerCase());
}

/** Is this resource a server Azure Migrate replicates: a migration item, or a protected item of an agent-based provider? */
export function isReplicatingServer(r: ArmResource): boolean {
  if (typeIs(r, MIGRATION_ITEM)) return true;
  return typeIs(r, PROTECTED_ITEM) && isAgentBasedProvider(obj(obj(r.properties).providerSpecificDetails).instanceType);
}

function healthErrors(v: unknown): ReplicatingServer['healthErrors'] {
  return arr(v).map((e) => {
    const o = obj(e);
    return { code: str(o.errorCode), message: str(o.errorMessage) ?? str(o.summaryMessage), action: str(o.recommendedAction) };
  });
}

function disk(o: Json, size?: number): ReplicatingDisk {
  return {
    diskId: String(o.diskId ?? ''),
    name: str(o.diskName) ?? str(o.targetDiskName) ?? String(o.diskId ?? 'disk'),
    isOsDisk: toBool(o.isOSDisk),
    sizeBytes:
      size ??
      toNum(o.capacityInBytes) ??
      toNum(o.diskCapacityInBytes) ??
      (toNum(o.diskSizeInGB) !== undefined ? toNum(o.diskSizeInGB)! * 1024 ** 3 : undefined),
    diskType: str(o.diskType) ?? str(o.replicaDiskType),
    desId: str(o.diskEncryptionSetId),
  };
}

function base(r: ArmResource, method: ReplicatingServer['method'], provider: string, d: Json, name: string | undefined): ReplicatingServer {
  const targetRg = str(d.targetResourceGroupId) ?? str(d.recoveryAzureResourceGroupId);
  return {
    id: r.id,
    itemName: r.name,
    machineName: name ?? r.name,
    method,
    provider,
    vaultId: '',
    subscriptionId: parseResourceId(r.id)?.subscriptionId ?? '',
    healthErrors: [],
    targetRegion: normalizeRegion(str(d.targetLocation)),
    targetSubscriptionId: targetRg ? parseResourceId(targetRg)?.subscriptionId : undefined,
    targetResourceGroupId: targetRg,
    vmName: str(d.targetVmName) ?? str(d.recoveryAzureVMName),
    vmSize: str(d.targetVmSize) ?? str(d.recoveryAzureVMSize),
    securityType: str(obj(d.targetVmSecurityProfile).targetVmSecurityType),
    osType: str(d.osType),
    osName: str(d.osName),
  };
}

/** An agentless (VMwareCbt) migration item. */
function agentlessServer(r: ArmResource): ReplicatingServer {
  const p = obj(r.properties);
  const d = obj(p.providerSpecificDetails);
  return {
    ...base(r, 'agentless', str(d.instanceType) ?? 'VMwareCbt', d, str(p.machineName)),
    migrationState: str(p.migrationState),
    migrationStateDescription: str(p.migrationStateDescription),
    testMigrateState: str(p.testMigrateState),
    health: str(p.health),
    healthErrors: healthErrors(p.healthErrors),
    seedingProgress: toNum(d.initialSeedingProgressPercentage),
    disks: Array.isArray(d.protectedDisks) ? d.protectedDisks.map((x) => disk(obj(x))) : undefined,
  };
}

/**
 * An agent-based protected item: InMageRcm (the current agent-based migration) or InMageAzureV2 (the classic
 * one, whose DES per disk is in `protectedManagedDisks`). Other providers (A2A, Hyper-V, …) are disaster
 * recovery, not migration: undefined.
 */
function agentBasedServer(r: ArmResource): ReplicatingServer | undefined {
  const p = obj(r.properties);
  const d = obj(p.providerSpecificDetails);
  const provider = str(d.instanceType) ?? '';
  if (!isAgentBasedProvider(provider)) return undefined;
  let disks: ReplicatingDisk[] | undefined;
  if (provider.toLowerCase() === 'inmagercm') {
    disks = Array.isArray(d.protectedDisks) ? d.protectedDisks.map((x) => disk(obj(x))) : undefined;
  } else if (Array.isArray(d.protectedManagedDisks)) {
    const sizes = new Map(arr(d.protectedDisks).map((x) => [String(obj(x).diskId ?? '').toLowerCase(), obj(x)]));
    disks = d.protectedManagedDisks.map((x) => {
      const o = obj(x);
      const source = sizes.get(String(o.diskId ?? '').toLowerCase()) ?? {};
      return { ...disk({ ...source, ...o }), isOsDisk: str(d.osDiskId) ? String(o.diskId ?? '').toLowerCase() === str(d.osDiskId)!.toLowerCase() : undefined };
    });
  }
  return {
    ...base(r, 'agent-based', provider, d, str(p.friendlyName)),
    migrationState: str(p.protectionState),
    migrationStateDescription: str(p.protectionStateDescription),
    health: str(p.replicationHealth),
    healthErrors: healthErrors(p.healthErrors),
    seedingProgress: toNum(d.initialReplicationProgressPercentage),
    disks,
  };
}

/** "Display Name (upn)" for people, the name for service principals and managed identities: from the estate's users and Graph's answers. */
function principalNames(file: EstateFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of file.directoryObjects ?? []) {
    if (!o.displayName) continue;
    const kind = o.objectType.toLowerCase();
    const label =
      kind === 'user' && o.userPrincipalName
        ? `${o.displayName} (${o.userPrincipalName})`
        : kind === 'serviceprincipal' && o.servicePrincipalType === 'ManagedIdentity'
          ? `${o.displayName} (managed identity)`
          : o.displayName;
    out.set(o.id.toLowerCase(), label);
  }
  for (const u of file.users ?? []) out.set(u.objectId.toLowerCase(), `${u.displayName} (${u.userPrincipalName})`);
  return out;
}

/** Why a resource id cannot be read: its subscription was not captured, or a gap covers it. */
export function unreadableReason(estate: Estate, id: string): string | undefined {
  const sub = parseResourceId(id)?.subscriptionId;
  if (sub && !estate.subscriptions.has(sub.toLowerCase())) return `subscription ${sub} was not captured`;
  const gap = estate.gaps.find((g) => isAtOrBelow(id, g.scope));
  if (gap) return `${gap.operation} on ${gap.scope} failed (${gap.status} ${gap.code})`;
  return undefined;
}

export function lookup<T>(estate: Estate, map: Map<string, T>, id: string): Lookup<T> {
  const found = map.get(normalizeId(id));
  if (found) return { state: 'found', value: found };
  const reason = unreadableReason(estate, id);
  return reason ? { state: 'unreadable', id, reason } : { state: 'not-found', id };
}

/**
 * A DES's vault: `activeKey.sourceVault.id`; else the captured vault named by the key URL's host
 * (vault names are global; a Managed HSM key URL names an HSM); if none captured has that name, it is unreadable.
 */
export function vaultOfDes(estate: Estate, des: DiskEncryptionSet): Lookup<KeyVault> {
  if (des.sourceVaultId) return lookup(estate, estate.keyVaults, des.sourceVaultId);
  if (!des.key) return { state: 'unreadable', id: des.keyUrl ?? des.id, reason: 'its key URL is missing or not a Key Vault key URL' };
  const kind = isManagedHsmHost(des.key.host) ? 'managedHsm' : 'vault';
  const byName = [...estate.keyVaults.values()].find((v) => v.kind === kind && v.name.toLowerCase() === des.key!.vaultName);
  if (byName) return { state: 'found', value: byName };
  return { state: 'unreadable', id: des.key.host, reason: `no captured ${kind === 'managedHsm' ? 'Managed HSM' : 'key vault'} is named ${des.key.vaultName}` };
}

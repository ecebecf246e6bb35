/**
 * Builders for raw ARM resources in the shapes ARM's GET returns (see the REST specs' examples).
 * The demo estate and the large-estate generator both use them, so every estate is well formed.
 */
import { createHash } from 'node:crypto';
import type { ArmResource } from '../../lib/estate/file';
import { ROLE_IDS } from '../../lib/estate/builtin-roles';

/** An ISO-8601 timestamp (ARM's 7-digit fraction) for Unix seconds. */
export function isoAt(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '.0000000Z');
}

/** A deterministic GUID from a seed, so generated estates are the same on every run. */
export function guidFrom(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function hex32(seed: string): string {
  return createHash('md5').update(seed).digest('hex');
}

export const sub = (id: string) => `/subscriptions/${id}`;
export const rgId = (subId: string, rg: string) => `/subscriptions/${subId}/resourceGroups/${rg}`;

export function resourceGroup(subId: string, name: string, location: string, tags?: Record<string, string>): ArmResource {
  return {
    id: rgId(subId, name),
    name,
    type: 'Microsoft.Resources/resourceGroups',
    location,
    ...(tags ? { tags } : {}),
    properties: { provisioningState: 'Succeeded' },
  };
}

export interface VaultSpec {
  subId: string;
  rg: string;
  name: string;
  location: string;
  tenantId: string;
  sku?: 'standard' | 'premium';
  rbac?: boolean;
  /** undefined = absent from the payload (older vaults), which is not the same as false. */
  purgeProtection?: boolean;
  softDeleteRetentionInDays?: number;
  accessPolicies?: { objectId: string; keys: string[] }[];
  networkAcls?: { defaultAction: 'Allow' | 'Deny'; bypass: 'AzureServices' | 'None' };
  publicNetworkAccess?: 'Enabled' | 'Disabled';
  tags?: Record<string, string>;
  /** Unix seconds the vault was created (systemData). */
  created: number;
}

export function keyVault(v: VaultSpec): ArmResource {
  return {
    id: `${rgId(v.subId, v.rg)}/providers/Microsoft.KeyVault/vaults/${v.name}`,
    name: v.name,
    type: 'Microsoft.KeyVault/vaults',
    location: v.location,
    tags: v.tags ?? {},
    systemData: { createdBy: 'platform-team@contosohealth.example', createdByType: 'User', createdAt: isoAt(v.created) },
    properties: {
      sku: { family: 'A', name: v.sku ?? 'standard' },
      tenantId: v.tenantId,
      accessPolicies: (v.accessPolicies ?? []).map((a) => ({
        tenantId: v.tenantId,
        objectId: a.objectId,
        permissions: { keys: a.keys, secrets: [], certificates: [] },
      })),
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: v.softDeleteRetentionInDays ?? 90,
      enableRbacAuthorization: v.rbac ?? false,
      ...(v.purgeProtection !== undefined ? { enablePurgeProtection: v.purgeProtection } : {}),
      ...(v.networkAcls ? { networkAcls: { ...v.networkAcls, ipRules: [], virtualNetworkRules: [] } } : {}),
      vaultUri: `https://${v.name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: v.publicNetworkAccess ?? 'Enabled',
    },
  };
}

export interface KeySpec {
  vault: ArmResource;
  name: string;
  kty?: 'RSA' | 'RSA-HSM' | 'EC';
  keySize?: number;
  enabled?: boolean;
  /** Unix seconds. */
  created: number;
  exp?: number;
  rotation?: { rotateAfter: string; expiryTime: string } | 'notify-only';
  versions?: number;
}

/** A key and its versions; the key's keyUri is unversioned, as ARM writes it (with :443). */
export function key(k: KeySpec): { key: ArmResource; versions: ArmResource[]; latestUrl: string; latestUrlNoPort: string } {
  const vaultId = k.vault.id;
  const host = `https://${k.vault.name}.vault.azure.net:443`;
  const kty = k.kty ?? 'RSA';
  const keySize = kty === 'EC' ? undefined : (k.keySize ?? 2048);
  const count = k.versions ?? 1;
  const versions: ArmResource[] = [];
  let latest = '';
  for (let i = 0; i < count; i++) {
    const v = hex32(`${vaultId}/${k.name}/${i}`);
    latest = v;
    const created = k.created + i * 90 * 86400;
    versions.push({
      id: `${vaultId}/keys/${k.name}/versions/${v}`,
      name: v,
      type: 'Microsoft.KeyVault/vaults/keys/versions',
      location: k.vault.location,
      properties: {
        attributes: {
          enabled: k.enabled ?? true,
          created,
          updated: created,
          recoveryLevel: 'Recoverable',
          exportable: false,
          ...(k.exp ? { exp: k.exp } : {}),
        },
        kty,
        keyOps: ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
        ...(keySize ? { keySize } : { curveName: 'P-256' }),
        keyUri: `${host}/keys/${k.name}`,
        keyUriWithVersion: `${host}/keys/${k.name}/${v}`,
      },
    });
  }
  const lastCreated = k.created + (count - 1) * 90 * 86400;
  const rotationPolicy =
    k.rotation === undefined
      ? undefined
      : k.rotation === 'notify-only'
        ? {
            attributes: { expiryTime: 'P1Y', created: k.created, updated: k.created },
            lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } }],
          }
        : {
            attributes: { expiryTime: k.rotation.expiryTime, created: k.created, updated: k.created },
            lifetimeActions: [
              { trigger: { timeAfterCreate: k.rotation.rotateAfter }, action: { type: 'rotate' } },
              { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } },
            ],
          };
  const keyRes: ArmResource = {
    id: `${vaultId}/keys/${k.name}`,
    name: k.name,
    type: 'Microsoft.KeyVault/vaults/keys',
    location: k.vault.location,
    properties: {
      attributes: {
        enabled: k.enabled ?? true,
        created: k.created,
        updated: lastCreated,
        recoveryLevel: 'Recoverable',
        exportable: false,
        ...(k.exp ? { exp: k.exp } : {}),
      },
      kty,
      keyOps: ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
      ...(keySize ? { keySize } : { curveName: 'P-256' }),
      keyUri: `${host}/keys/${k.name}`,
      keyUriWithVersion: `${host}/keys/${k.name}/${latest}`,
      ...(rotationPolicy ? { rotationPolicy } : {}),
    },
  };
  return {
    key: keyRes,
    versions,
    latestUrl: `${host}/keys/${k.name}/${latest}`,
    latestUrlNoPort: `https://${k.vault.name}.vault.azure.net/keys/${k.name}/${latest}`,
  };
}

export interface DesSpec {
  subId: string;
  rg: string;
  name: string;
  location: string;
  tenantId: string;
  keyUrl: string;
  sourceVaultId?: string;
  encryptionType?: string;
  identity?: 'SystemAssigned' | 'None' | { userAssigned: ArmResource };
  /** Cross-tenant: the multi-tenant application that reaches a key in another tenant. */
  federatedClientId?: string;
  rotationToLatestKeyVersionEnabled?: boolean;
  autoKeyRotationError?: { code: string; message: string };
  provisioningState?: string;
  tags?: Record<string, string>;
}

export function diskEncryptionSet(d: DesSpec): ArmResource {
  const id = `${rgId(d.subId, d.rg)}/providers/Microsoft.Compute/diskEncryptionSets/${d.name}`;
  const ua = typeof d.identity === 'object' ? d.identity.userAssigned : undefined;
  const identity =
    d.identity === 'None'
      ? { type: 'None' }
      : ua
        ? {
            type: 'UserAssigned',
            userAssignedIdentities: {
              [ua.id]: { principalId: (ua.properties as { principalId: string }).principalId, clientId: (ua.properties as { clientId: string }).clientId },
            },
          }
        : { type: 'SystemAssigned', principalId: guidFrom(`principal:${id}`), tenantId: d.tenantId };
  return {
    id,
    name: d.name,
    type: 'Microsoft.Compute/diskEncryptionSets',
    location: d.location,
    tags: d.tags ?? {},
    identity,
    properties: {
      activeKey: { keyUrl: d.keyUrl, ...(d.sourceVaultId ? { sourceVault: { id: d.sourceVaultId } } : {}) },
      encryptionType: d.encryptionType ?? 'EncryptionAtRestWithCustomerKey',
      ...(d.federatedClientId ? { federatedClientId: d.federatedClientId } : {}),
      previousKeys: [],
      provisioningState: d.provisioningState ?? 'Succeeded',
      ...(d.rotationToLatestKeyVersionEnabled !== undefined ? { rotationToLatestKeyVersionEnabled: d.rotationToLatestKeyVersionEnabled } : {}),
      ...(d.autoKeyRotationError ? { autoKeyRotationError: d.autoKeyRotationError } : {}),
    },
  };
}

export function principalOf(des: ArmResource): string | undefined {
  return (des.identity as { principalId?: string } | undefined)?.principalId;
}

export function roleAssignment(
  scope: string,
  principalId: string,
  roleId: string,
  subId: string,
  principalType: 'User' | 'ServicePrincipal' | 'Group',
  createdOn = '2025-06-01T10:00:00.0000000Z',
): ArmResource {
  const name = guidFrom(`ra:${scope}:${principalId}:${roleId}`);
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: `/subscriptions/${subId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`,
      principalId,
      principalType,
      scope,
      condition: null,
      conditionVersion: null,
      createdOn,
      updatedOn: createdOn,
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
      description: null,
    },
  };
}

export { ROLE_IDS };

export function diagnosticSetting(resourceId: string, workspaceId: string, name = 'send-to-log-analytics'): ArmResource {
  return {
    id: `${resourceId}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
    name,
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: {
      workspaceId,
      logs: [
        { category: null, categoryGroup: 'audit', enabled: true, retentionPolicy: { enabled: false, days: 0 } },
        { category: null, categoryGroup: 'allLogs', enabled: true, retentionPolicy: { enabled: false, days: 0 } },
      ],
      metrics: [{ category: 'AllMetrics', enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
      logAnalyticsDestinationType: 'Dedicated',
    },
  };
}

export function lock(scope: string, name: string, level: 'CanNotDelete' | 'ReadOnly', notes: string): ArmResource {
  return {
    id: `${scope}/providers/Microsoft.Authorization/locks/${name}`,
    name,
    type: 'Microsoft.Authorization/locks',
    properties: { level, notes, owners: [] },
  };
}

export interface MigrationSite {
  hubSubId: string;
  rg: string;
  location: string;
  project: string;
  vault: string;
  site: string;
  targetLocation: string;
}

/** A Migrate project, its two solutions, the Recovery Services vault and its VMware fabric, container and mapping. */
export function migrationInfrastructure(s: MigrationSite): {
  resources: ArmResource[];
  vaultId: string;
  containerId: string;
  policyId: string;
  siteId: string;
} {
  const base = rgId(s.hubSubId, s.rg);
  const projectId = `${base}/providers/Microsoft.Migrate/migrateProjects/${s.project}`;
  const vaultId = `${base}/providers/Microsoft.RecoveryServices/vaults/${s.vault}`;
  const siteId = `${base}/providers/Microsoft.OffAzure/VMwareSites/${s.site}`;
  const fabric = `${s.site}-fabric`;
  const fabricId = `${vaultId}/replicationFabrics/${fabric}`;
  const containerId = `${fabricId}/replicationProtectionContainers/${s.site}-container`;
  const policyId = `${vaultId}/replicationPolicies/migrate${s.site}policy`;
  const resources: ArmResource[] = [
    {
      id: projectId,
      name: s.project,
      type: 'Microsoft.Migrate/migrateProjects',
      location: s.location,
      eTag: `"${hex32(projectId).slice(0, 8)}-0000-0d00-0000-6745a1b20000"`,
      tags: {},
      properties: {
        registeredTools: ['ServerDiscovery', 'ServerAssessment', 'ServerMigration'],
        provisioningState: 'Succeeded',
        publicNetworkAccess: 'Enabled',
      },
    },
    {
      id: `${projectId}/solutions/Servers-Discovery-ServerDiscovery`,
      name: 'Servers-Discovery-ServerDiscovery',
      type: 'Microsoft.Migrate/migrateProjects/solutions',
      properties: {
        tool: 'ServerDiscovery',
        purpose: 'Discovery',
        goal: 'Servers',
        status: 'Active',
        cleanupState: 'None',
        summary: { instanceType: 'Servers', discoveredCount: 0, assessedCount: 0, replicatingCount: 0, testMigratedCount: 0, migratedCount: 0 },
        details: {
          groupCount: 0,
          assessmentCount: 0,
          extendedDetails: { applianceNameToSiteIdMapV2: JSON.stringify([{ ApplianceName: `${s.site}-appliance`, SiteId: siteId }]) },
        },
      },
    },
    {
      id: `${projectId}/solutions/Servers-Migration-ServerMigration`,
      name: 'Servers-Migration-ServerMigration',
      type: 'Microsoft.Migrate/migrateProjects/solutions',
      properties: {
        tool: 'ServerMigration',
        purpose: 'Migration',
        goal: 'Servers',
        status: 'Active',
        cleanupState: 'None',
        summary: { instanceType: 'Servers', discoveredCount: 0, assessedCount: 0, replicatingCount: 0, testMigratedCount: 0, migratedCount: 0 },
        details: { groupCount: 0, assessmentCount: 0, extendedDetails: { vaultId } },
      },
    },
    {
      id: vaultId,
      name: s.vault,
      type: 'Microsoft.RecoveryServices/vaults',
      location: s.location,
      tags: {},
      sku: { name: 'RS0', tier: 'Standard' },
      properties: {
        provisioningState: 'Succeeded',
        privateEndpointStateForBackup: 'None',
        privateEndpointStateForSiteRecovery: 'None',
        publicNetworkAccess: 'Enabled',
      },
    },
    {
      id: fabricId,
      name: fabric,
      type: 'Microsoft.RecoveryServices/vaults/replicationFabrics',
      location: s.location,
      properties: {
        friendlyName: s.site,
        encryptionDetails: { kekState: 'None' },
        rolloverEncryptionDetails: { kekState: 'None' },
        internalIdentifier: guidFrom(fabricId),
        bcdrState: 'Valid',
        customDetails: {
          instanceType: 'VMwareV2',
          vmwareSiteId: siteId,
          migrationSolutionId: `${projectId}/Solutions/Servers-Migration-ServerMigration`,
          serviceEndpoint: `https://${s.location}1-srs.wus.hypervrecoverymanager.windowsazure.com`,
          processServers: [],
        },
        healthErrorDetails: [],
        health: 'Normal',
      },
    },
    {
      id: containerId,
      name: `${s.site}-container`,
      type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers',
      location: s.location,
      properties: {
        friendlyName: `${s.site}-container`,
        protectedItemCount: 0,
        pairingStatus: 'Paired',
        role: 'Primary',
        fabricFriendlyName: s.site,
        fabricType: 'VMwareV2',
      },
    },
    {
      id: `${containerId}/replicationProtectionContainerMappings/containermapping`,
      name: 'containermapping',
      type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings',
      location: s.location,
      properties: {
        targetProtectionContainerId: 'Microsoft Azure',
        targetProtectionContainerFriendlyName: 'Microsoft Azure',
        providerSpecificDetails: {
          instanceType: 'VMwareCbt',
          targetLocation: s.targetLocation,
          keyVaultId: `${base}/providers/Microsoft.KeyVault/vaults/${s.site}kv`,
          keyVaultUri: `https://${s.site}kv.vault.azure.net/`,
          storageAccountId: `${base}/providers/Microsoft.Storage/storageAccounts/${s.site}lsa`,
          storageAccountSasSecretName: `${s.site}lsa-cacheSas`,
          serviceBusConnectionStringSecretName: `${s.site}-sb-secret`,
        },
        health: 'Normal',
        healthErrorDetails: [],
        policyId,
        state: 'Paired',
        sourceProtectionContainerFriendlyName: `${s.site}-container`,
        sourceFabricFriendlyName: s.site,
        targetFabricFriendlyName: 'Microsoft Azure',
        policyFriendlyName: `migrate${s.site}policy`,
      },
    },
  ];
  return { resources, vaultId, containerId, policyId, siteId };
}

export interface ServerSpec {
  machineName: string;
  os: 'Windows' | 'Linux';
  osName: string;
  disks: { sizeGiB: number; desId?: string; type?: string }[];
  targetSubId: string;
  targetRg: string;
  targetLocation: string;
  vmSize: string;
  state?: string;
  stateDescription?: string;
  health?: 'Normal' | 'Warning' | 'Critical' | 'None';
  healthErrors?: { code: string; message: string; action: string }[];
  seedingProgress?: number;
  securityType?: 'None' | 'TrustedLaunch' | 'ConfidentialVM';
  lastRecoveryPoint?: string;
  /** A test migration ran and succeeded: the item says so and the vault holds its job. */
  testMigrated?: boolean;
}

/**
 * The replication job of a server's test migration, shaped as Azure PowerShell's recordings show Azure Migrate's
 * (scenario TestMigrate, `AsrJobDetails`): it names the machine, not the test VM it created.
 */
export function testMigrateJob(item: ArmResource, clock: Clock): ArmResource {
  const vaultId = item.id.split('/replicationFabrics/')[0]!;
  const name = guidFrom(`testmigrate:${item.id}`);
  const machine = String((item.properties as { machineName?: string }).machineName);
  const entity = guidFrom(`entity:${item.id}`);
  const task = (taskId: string, taskName: string, friendlyName: string, at: number) => ({
    taskId,
    name: taskName,
    startTime: isoAt(clock.now - at),
    endTime: isoAt(clock.now - at + 240),
    allowedActions: [],
    friendlyName,
    state: 'Succeeded',
    stateDescription: 'Completed',
    taskType: 'TaskDetails',
    customDetails: { instanceType: 'TaskDetails' },
    errors: [],
  });
  return {
    id: `${vaultId}/replicationJobs/${name}`,
    name,
    type: 'Microsoft.RecoveryServices/vaults/replicationJobs',
    properties: {
      activityId: guidFrom(`activity:${name}`),
      scenarioName: 'TestMigrate',
      friendlyName: 'Test migration',
      state: 'Succeeded',
      stateDescription: 'Completed',
      tasks: [
        task('TestFailoverPreflightChecksTask', 'VmTfoPrerequisitesCheck', 'Prerequisites check for test migration', 3 * 86_400),
        task('BeginTestFailoverTask', 'VmTfoInitiateFailover', 'Preparing for test migration', 3 * 86_400 - 240),
        task('PrepareTestProtectedEntitiesTask', 'VmTfoPrepareTestVm', 'Creating test virtual machine', 3 * 86_400 - 480),
        task('BootTestProtectedEntitiesTask', 'VmTfoBootTestVm', 'Starting test virtual machine', 3 * 86_400 - 720),
      ],
      errors: [],
      startTime: isoAt(clock.now - 3 * 86_400),
      endTime: isoAt(clock.now - 3 * 86_400 + 960),
      allowedActions: [],
      targetObjectId: entity,
      targetObjectName: machine,
      targetInstanceType: 'ProtectionEntity',
      customDetails: {
        instanceType: 'AsrJobDetails',
        affectedObjectDetails: {
          primaryVmId: entity,
          primaryVmName: machine,
          recoveryVmName: machine,
          primaryFabricProviderId: 'VMwareV2',
          recoveryFabricProviderId: 'Azure',
        },
      },
    },
  };
}

/** When the estate was captured (Unix seconds): replication times are relative to it. */
export interface Clock {
  now: number;
}

/** One `replicationMigrationItems` resource for a VMware server replicated by the agentless (VMwareCbt) provider. */
export function migrationItem(infra: { containerId: string; policyId: string; siteId: string }, s: ServerSpec, clock: Clock): ArmResource {
  const machine = `${hex32(s.machineName).slice(0, 8)}-${s.machineName.toLowerCase()}_${guidFrom(s.machineName).slice(0, 8)}`;
  const id = `${infra.containerId}/replicationMigrationItems/${machine}`;
  const state = s.state ?? 'Replicating';
  const targetRgId = rgId(s.targetSubId, s.targetRg);
  const vmName = s.machineName.toLowerCase();
  return {
    id,
    name: machine,
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems',
    properties: {
      machineName: s.machineName,
      policyId: infra.policyId,
      policyFriendlyName: infra.policyId.split('/').pop(),
      recoveryServicesProviderId: guidFrom(`provider:${infra.siteId}`),
      replicationStatus: state === 'Replicating' ? 'Protected' : state,
      migrationState: state,
      migrationStateDescription:
        s.stateDescription ?? (state === 'Replicating' ? 'Ready to migrate' : state === 'InitialSeedingInProgress' ? 'Initial replication' : state),
      testMigrateState: s.testMigrated ? 'TestMigrationSucceeded' : 'None',
      testMigrateStateDescription: s.testMigrated ? 'Test migration succeeded' : 'None',
      health: s.health ?? 'Normal',
      healthErrors: (s.healthErrors ?? []).map((e, i) => ({
        errorCode: e.code,
        errorMessage: e.message,
        recommendedAction: e.action,
        errorLevel: s.health === 'Critical' ? 'Error' : 'Warning',
        errorCategory: 'Replication',
        creationTimeUtc: isoAt(clock.now - 35_757),
        customerResolvability: 'Allowed',
        entityId: `${machine}-${i}`,
        innerHealthErrors: [],
      })),
      allowedOperations:
        state === 'Replicating'
          ? ['DisableMigration', s.testMigrated ? 'TestMigrateCleanup' : 'TestMigrate', 'Migrate', 'StartResync', 'PauseReplication']
          : ['DisableMigration'],
      currentJob: { jobName: 'None' },
      criticalJobHistory: [],
      eventCorrelationId: guidFrom(`event:${id}`),
      providerSpecificDetails: {
        instanceType: 'VMwareCbt',
        vmwareMachineId: `${infra.siteId}/machines/${machine}`,
        osType: s.os,
        osName: s.osName,
        firmwareType: s.securityType && s.securityType !== 'None' ? 'UEFI' : 'BIOS',
        targetGeneration: s.securityType && s.securityType !== 'None' ? '2' : '1',
        licenseType: s.os === 'Windows' ? 'WindowsServer' : 'NoLicenseType',
        sqlServerLicenseType: 'NotSpecified',
        // The vCenter accounts the appliance replicates with, as real items carry them (Azure PowerShell's recordings).
        dataMoverRunAsAccountId: `${infra.siteId}/runasaccounts/${guidFrom(`runas:${infra.siteId}`)}`,
        snapshotRunAsAccountId: `${infra.siteId}/runasaccounts/${guidFrom(`runas:${infra.siteId}`)}`,
        targetLocation: s.targetLocation,
        targetResourceGroupId: targetRgId,
        targetNetworkId: `${rgId(s.targetSubId, 'rg-network-' + s.targetLocation.slice(0, 3))}/providers/Microsoft.Network/virtualNetworks/vnet-lz-${s.targetLocation}`,
        testNetworkId: `${rgId(s.targetSubId, 'rg-network-' + s.targetLocation.slice(0, 3))}/providers/Microsoft.Network/virtualNetworks/vnet-test-${s.targetLocation}`,
        targetVmName: vmName,
        targetVmSize: s.vmSize,
        targetVmSecurityProfile: {
          targetVmSecurityType: s.securityType ?? 'None',
          isTargetVmSecureBootEnabled: String(s.securityType === 'TrustedLaunch'),
          isTargetVmTpmEnabled: String(s.securityType === 'TrustedLaunch'),
          isTargetVmIntegrityMonitoringEnabled: 'false',
          isTargetVmConfidentialEncryptionEnabled: 'false',
        },
        targetVmTags: { workload: s.machineName.split('-')[0]!, migratedBy: 'Azure Migrate' },
        protectedDisks: s.disks.map((d, i) => {
          const diskId =
            `6000C29${hex32(`${s.machineName}:${i}`).slice(0, 1)}-${hex32(`${s.machineName}:${i}`).slice(1, 5)}-${hex32(`${s.machineName}:${i}`).slice(5, 9)}-${hex32(`${s.machineName}:${i}`).slice(9, 13)}-${hex32(`${s.machineName}:${i}`).slice(13, 25)}`.toUpperCase();
          return {
            diskId,
            diskName: `${s.machineName}_disk${i}`,
            diskPath: `[datastore${(i % 3) + 1}] ${s.machineName}/${s.machineName}${i === 0 ? '' : '_' + i}.vmdk`,
            isOSDisk: String(i === 0),
            capacityInBytes: d.sizeGiB * 1024 ** 3,
            logStorageAccountId: `/subscriptions/${infra.containerId.split('/')[2]}/resourceGroups/${infra.containerId.split('/')[4]}/providers/Microsoft.Storage/storageAccounts/migratelsa${hex32(infra.siteId).slice(0, 8)}`,
            logStorageAccountSasSecretName: `migratelsa${hex32(infra.siteId).slice(0, 8)}-cacheSas`,
            diskEncryptionSetId: d.desId ?? '',
            seedManagedDiskId: `${targetRgId}/providers/Microsoft.Compute/disks/${vmName}-disk${i}-seed`,
            targetDiskName: `${vmName}-disk${i}`,
            diskType: d.type ?? 'Premium_LRS',
          };
        }),
        vmNics: [
          {
            nicId: guidFrom(`nic:${id}`),
            sourceIPAddress: `10.40.${(hex32(s.machineName).charCodeAt(0) % 50) + 1}.${(hex32(s.machineName).charCodeAt(1) % 200) + 10}`,
            sourceIPAddressType: 'Static',
            isPrimaryNic: 'true',
            targetSubnetName: 'snet-workloads',
            targetIPAddressType: 'Dynamic',
            isSelectedForMigration: 'true',
          },
        ],
        migrationRecoveryPointId: state === 'Replicating' ? `${id}/migrationRecoveryPoints/${guidFrom(`rp:${id}`)}` : undefined,
        lastRecoveryPointReceived: s.lastRecoveryPoint ?? (state === 'Replicating' ? isoAt(clock.now - 1_188) : undefined),
        initialSeedingProgressPercentage: s.seedingProgress ?? (state === 'Replicating' ? 100 : 0),
        migrationProgressPercentage: state === 'MigrationSucceeded' ? 100 : undefined,
        resyncRequired: 'false',
        resyncState: 'None',
        performAutoResync: 'true',
      },
    },
  };
}

/**
 * What a completed migration leaves in the target group: the VM named by the item, and one managed disk per replicated
 * disk, each encrypted with the item's DES for that disk (a platform-managed key where it named none). Encryption at
 * host is off, as it is unless someone turns it on. Used by the demo and by the emulator's `migrate` action.
 */
export function landedVm(item: ArmResource, location: string): ArmResource[] {
  const d = (item.properties as { providerSpecificDetails: Record<string, unknown> }).providerSpecificDetails;
  const rg = String(d.targetResourceGroupId);
  const vmId = `${rg}/providers/Microsoft.Compute/virtualMachines/${String(d.targetVmName)}`;
  const replicated = (d.protectedDisks ?? []) as {
    isOSDisk: string;
    targetDiskName?: string;
    diskEncryptionSetId?: string;
    capacityInBytes?: number;
    diskType?: string;
  }[];
  const disks: ArmResource[] = replicated.map((x, i) => {
    const name = x.targetDiskName ?? `${String(d.targetVmName)}-disk${i}`;
    const des = x.diskEncryptionSetId || undefined;
    return {
      id: `${rg}/providers/Microsoft.Compute/disks/${name}`,
      name,
      type: 'Microsoft.Compute/disks',
      location,
      sku: { name: x.diskType ?? 'Premium_LRS' },
      properties: {
        diskSizeGB: Math.ceil((x.capacityInBytes ?? 0) / 1024 ** 3),
        diskState: 'Attached',
        provisioningState: 'Succeeded',
        encryption: des ? { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: des } : { type: 'EncryptionAtRestWithPlatformKey' },
      },
      managedBy: vmId,
    };
  });
  const ref = (disk: ArmResource) => {
    const enc = (disk.properties as { encryption: { diskEncryptionSetId?: string } }).encryption;
    return { id: disk.id, ...(enc.diskEncryptionSetId ? { diskEncryptionSet: { id: enc.diskEncryptionSetId } } : {}) };
  };
  const os = replicated.findIndex((x) => x.isOSDisk === 'true');
  const vm: ArmResource = {
    id: vmId,
    name: String(d.targetVmName),
    type: 'Microsoft.Compute/virtualMachines',
    location,
    tags: (d.targetVmTags ?? {}) as Record<string, string>,
    properties: {
      vmId: guidFrom(`vm:${vmId}`),
      hardwareProfile: { vmSize: d.targetVmSize },
      storageProfile: {
        osDisk: { osType: d.osType, name: disks[os]?.name, createOption: 'Attach', managedDisk: disks[os] ? ref(disks[os]) : undefined },
        dataDisks: disks.filter((_, i) => i !== os).map((disk, lun) => ({ lun, name: disk.name, createOption: 'Attach', managedDisk: ref(disk) })),
      },
      securityProfile: { encryptionAtHost: false },
      provisioningState: 'Succeeded',
    },
  };
  return [vm, ...disks];
}

export function userAssignedIdentity(subId: string, rg: string, name: string, location: string, tenantId: string, tags?: Record<string, string>): ArmResource {
  const id = `${rgId(subId, rg)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
  return {
    id,
    name,
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    location,
    ...(tags ? { tags } : {}),
    properties: { tenantId, principalId: guidFrom(`uami:${id}:principal`), clientId: guidFrom(`uami:${id}:client`) },
  };
}

export interface HsmSpec {
  subId: string;
  rg: string;
  name: string;
  location: string;
  tenantId: string;
  admins: string[];
  purgeProtection: boolean;
  securityDomain?: 'Active' | 'NotActivated';
  tags?: Record<string, string>;
}

/** A Managed HSM as `Microsoft.KeyVault/managedHSMs` GET returns it (sku at the top, security domain in properties). */
export function managedHsm(h: HsmSpec): ArmResource {
  return {
    id: `${rgId(h.subId, h.rg)}/providers/Microsoft.KeyVault/managedHSMs/${h.name}`,
    name: h.name,
    type: 'Microsoft.KeyVault/managedHSMs',
    location: h.location,
    sku: { family: 'B', name: 'Standard_B1' },
    tags: h.tags ?? {},
    properties: {
      tenantId: h.tenantId,
      initialAdminObjectIds: h.admins,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: h.purgeProtection,
      hsmUri: `https://${h.name}.managedhsm.azure.net/`,
      provisioningState: 'Succeeded',
      statusMessage: 'The Managed HSM is provisioned and ready to use.',
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
      publicNetworkAccess: 'Enabled',
      securityDomainProperties: {
        activationStatus: h.securityDomain ?? 'Active',
        activationStatusMessage:
          h.securityDomain === 'NotActivated'
            ? 'Your HSM has been provisioned, but cannot be used for cryptographic operations until it is activated.'
            : 'Your HSM has been activated and can be used for cryptographic operations.',
      },
      regions: [],
    },
  };
}

/**
 * A Recovery Services vault for Azure Migrate's agent-based migration: its InMageRcm fabric (the replication
 * appliance), protection container and policy. Agent-based servers are `replicationProtectedItems` here.
 */
export function agentBasedInfrastructure(s: { hubSubId: string; rg: string; location: string; vault: string; appliance: string }): {
  resources: ArmResource[];
  vaultId: string;
  containerId: string;
  policyId: string;
  fabricId: string;
} {
  const base = rgId(s.hubSubId, s.rg);
  const vaultId = `${base}/providers/Microsoft.RecoveryServices/vaults/${s.vault}`;
  const fabricId = `${vaultId}/replicationFabrics/${s.appliance}-fabric`;
  const containerId = `${fabricId}/replicationProtectionContainers/${s.appliance}-container`;
  const policyId = `${vaultId}/replicationPolicies/${s.appliance}-policy`;
  return {
    vaultId,
    containerId,
    policyId,
    fabricId,
    resources: [
      {
        id: vaultId,
        name: s.vault,
        type: 'Microsoft.RecoveryServices/vaults',
        location: s.location,
        tags: {},
        sku: { name: 'RS0', tier: 'Standard' },
        properties: {
          provisioningState: 'Succeeded',
          privateEndpointStateForBackup: 'None',
          privateEndpointStateForSiteRecovery: 'None',
          publicNetworkAccess: 'Enabled',
        },
      },
      {
        id: fabricId,
        name: `${s.appliance}-fabric`,
        type: 'Microsoft.RecoveryServices/vaults/replicationFabrics',
        location: s.location,
        properties: {
          friendlyName: s.appliance,
          encryptionDetails: { kekState: 'None' },
          rolloverEncryptionDetails: { kekState: 'None' },
          internalIdentifier: guidFrom(fabricId),
          bcdrState: 'Valid',
          customDetails: {
            instanceType: 'InMageRcm',
            physicalSiteId: `${base}/providers/Microsoft.OffAzure/ServerSites/${s.appliance}-site`,
            sourceAgentIdentityDetails: {
              tenantId: guidFrom('agent-tenant'),
              applicationId: guidFrom(`agent-app:${s.appliance}`),
              objectId: guidFrom(`agent-obj:${s.appliance}`),
              audience: 'https://microsoft.onmicrosoft.com/cf19f1a3-0a30-4a4c-a7f6-d5f3fd2b1a3e',
              aadAuthority: 'https://login.microsoftonline.com',
            },
          },
          healthErrorDetails: [],
          health: 'Normal',
        },
      },
      {
        id: containerId,
        name: `${s.appliance}-container`,
        type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers',
        location: s.location,
        properties: {
          friendlyName: `${s.appliance}-container`,
          protectedItemCount: 0,
          pairingStatus: 'Paired',
          role: 'Primary',
          fabricFriendlyName: s.appliance,
          fabricType: 'InMageRcm',
        },
      },
    ],
  };
}

export interface AgentServerSpec extends Omit<ServerSpec, 'seedingProgress' | 'securityType'> {
  discovery: 'VMware' | 'PhysicalServer';
}

/** One agent-based server: a `replicationProtectedItems` resource of the InMageRcm provider. */
export function inMageRcmItem(infra: { containerId: string; policyId: string; fabricId: string }, s: AgentServerSpec, clock: Clock): ArmResource {
  const name = guidFrom(`rcm:${s.machineName}`);
  const id = `${infra.containerId}/replicationProtectedItems/${name}`;
  const targetRgId = rgId(s.targetSubId, s.targetRg);
  const vmName = s.machineName.toLowerCase();
  const lsa = `/subscriptions/${infra.containerId.split('/')[2]}/resourceGroups/${infra.containerId.split('/')[4]}/providers/Microsoft.Storage/storageAccounts/agentlsa${hex32(infra.fabricId).slice(0, 8)}`;
  return {
    id,
    name,
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems',
    properties: {
      friendlyName: s.machineName,
      protectedItemType: 'InMageRcmReplicatedItem',
      protectableItemId: `${infra.containerId}/replicationProtectableItems/${guidFrom(`prot:${s.machineName}`)}`,
      recoveryServicesProviderId: `${infra.fabricId}/replicationRecoveryServicesProviders/${guidFrom(`provider:${infra.fabricId}`)}`,
      primaryFabricFriendlyName: infra.fabricId
        .split('/')
        .pop()!
        .replace(/-fabric$/, ''),
      primaryFabricProvider: 'InMageRcmFabric',
      recoveryFabricFriendlyName: 'Microsoft Azure',
      protectionState: s.state ?? 'Protected',
      protectionStateDescription: s.stateDescription ?? (s.state === undefined ? 'Protected' : s.state),
      activeLocation: 'Primary',
      testFailoverState: 'None',
      testFailoverStateDescription: 'None',
      allowedOperations: ['DisableProtection', 'TestFailover', 'UnplannedFailover', 'RepairReplication'],
      replicationHealth: s.health ?? 'Normal',
      failoverHealth: 'Normal',
      healthErrors: (s.healthErrors ?? []).map((e, i) => ({
        errorCode: e.code,
        errorMessage: e.message,
        recommendedAction: e.action,
        errorLevel: 'Warning',
        creationTimeUtc: isoAt(clock.now - 7_200),
        entityId: `${name}-${i}`,
        innerHealthErrors: [],
      })),
      policyId: infra.policyId,
      policyFriendlyName: infra.policyId.split('/').pop(),
      currentScenario: {
        scenarioName: 'None',
        jobId: `${infra.containerId.split('/').slice(0, 9).join('/')}/replicationJobs/None`,
        startTime: '1753-01-01T01:01:01Z',
      },
      eventCorrelationId: guidFrom(`event:${id}`),
      providerSpecificDetails: {
        instanceType: 'InMageRcm',
        internalIdentifier: guidFrom(`internal:${id}`),
        fabricDiscoveryMachineId: `${infra.fabricId}/machines/${guidFrom(`machine:${s.machineName}`)}`,
        discoveryType: s.discovery,
        processServerName: `${infra.fabricId
          .split('/')
          .pop()!
          .replace(/-fabric$/, '')}-ps`,
        // The process server and run-as account the appliance replicates through, as InMageRcmReplicationDetails names them.
        processServerId: guidFrom(`ps:${infra.fabricId}`),
        runAsAccountId: `${infra.fabricId}/runasaccounts/${guidFrom(`runas:${infra.fabricId}`)}`,
        multiVmGroupName: s.machineName,
        osType: s.os,
        firmwareType: 'BIOS',
        primaryNicIpAddress: `10.50.${(hex32(s.machineName).charCodeAt(0) % 50) + 1}.${(hex32(s.machineName).charCodeAt(1) % 200) + 10}`,
        targetGeneration: 'V1',
        licenseType: s.os === 'Windows' ? 'WindowsServer' : 'NoLicenseType',
        targetVmName: vmName,
        targetVmSize: s.vmSize,
        targetResourceGroupId: targetRgId,
        targetLocation: s.targetLocation,
        targetAvailabilitySetId: '',
        targetAvailabilityZone: '',
        targetProximityPlacementGroupId: '',
        targetBootDiagnosticsStorageAccountId: lsa,
        targetNetworkId: `${rgId(s.targetSubId, 'rg-network-' + s.targetLocation.slice(0, 3))}/providers/Microsoft.Network/virtualNetworks/vnet-lz-${s.targetLocation}`,
        testNetworkId: '',
        lastRecoveryPointReceived: isoAt(clock.now - 900),
        lastRpoInSeconds: 600,
        initialReplicationProgressPercentage: 100,
        resyncRequired: 'false',
        resyncState: 'None',
        agentUpgradeState: 'None',
        protectedDisks: s.disks.map((d, i) => ({
          diskId: `${guidFrom(`disk:${s.machineName}:${i}`)}`,
          diskName: `${s.machineName}_disk${i}`,
          isOSDisk: String(i === 0),
          capacityInBytes: d.sizeGiB * 1024 ** 3,
          logStorageAccountId: lsa,
          diskEncryptionSetId: d.desId ?? '',
          seedManagedDiskId: `${targetRgId}/providers/Microsoft.Compute/disks/${vmName}-disk${i}-seed`,
          diskType: d.type ?? 'Premium_LRS',
          dataPendingInLogDataStoreInMB: 0,
          dataPendingAtSourceAgentInMB: 0,
          isInitialReplicationComplete: 'true',
        })),
        vmNics: [
          {
            nicId: guidFrom(`nic:${id}`),
            isPrimaryNic: 'true',
            isSelectedForFailover: 'true',
            sourceIPAddress: '10.50.1.10',
            sourceIPAddressType: 'Static',
            targetSubnetName: 'snet-workloads',
            targetIPAddressType: 'Dynamic',
          },
        ],
      },
    },
  };
}

/** Disaster recovery of an Azure VM (A2A) in the same vault: a protected item, but not a migration. */
export function a2aItem(infra: { containerId: string; policyId: string }, machineName: string, vmId: string): ArmResource {
  const name = guidFrom(`a2a:${machineName}`);
  return {
    id: `${infra.containerId}/replicationProtectedItems/${name}`,
    name,
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems',
    properties: {
      friendlyName: machineName,
      protectedItemType: 'A2AReplicatedItem',
      protectionState: 'Protected',
      protectionStateDescription: 'Protected',
      replicationHealth: 'Normal',
      healthErrors: [],
      policyId: infra.policyId,
      providerSpecificDetails: {
        instanceType: 'A2A',
        fabricObjectId: vmId,
        recoveryAzureVMName: `${machineName.toLowerCase()}-asr`,
        recoveryAzureVMSize: 'Standard_B2ms',
        primaryFabricLocation: 'westeurope',
        recoveryFabricLocation: 'northeurope',
        osType: 'Windows',
        protectedManagedDisks: [
          {
            diskId: `${vmId.replace(/virtualMachines\/.*/, 'disks/')}${machineName.toLowerCase()}-os`,
            diskName: `${machineName.toLowerCase()}-os`,
            diskCapacityInBytes: 128 * 1024 ** 3,
            primaryDiskEncryptionSetId: null,
            recoveryDiskEncryptionSetId: null,
            isDiskEncrypted: false,
          },
        ],
        vmNics: [],
      },
    },
  };
}

/**
 * Named fixtures for rule tests: one healthy chain (server → DES → vault → key → grant) in raw ARM
 * shapes, which a test bends in one place to make a rule pass, fail or meet an absent field.
 * Used by tests only.
 */
import type { ArmResource, EstateFile } from '../estate/file';
import { ROLE_IDS } from '../estate/builtin-roles';
import { normalize } from '../estate/normalize';
import { evaluate } from './evaluate';
import type { Evaluation, Settings } from './types';

export const T = '11111111-1111-4111-8111-111111111111';
export const SUB = '22222222-2222-4222-8222-222222222222';
export const HUB = '33333333-3333-4333-8333-333333333333';
export const PRINCIPAL = '44444444-4444-4444-8444-444444444444';
export const RG = `/subscriptions/${SUB}/resourceGroups/rg-keys`;
export const KV = `${RG}/providers/Microsoft.KeyVault/vaults/kv-fixture`;
export const KEY = `${KV}/keys/disk-key`;
export const V_OLD = 'a1'.repeat(16);
export const V_CUR = 'b2'.repeat(16);
export const DES = `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-fixture`;
export const ITEM = `/subscriptions/${HUB}/resourceGroups/rg-migrate/providers/Microsoft.RecoveryServices/vaults/rsv-fixture/replicationFabrics/site-fabric/replicationProtectionContainers/site-container/replicationMigrationItems/srv-1`;
export const NOW = Date.parse('2026-11-29T00:00:00Z') / 1000;
export const DAY = 86400;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Fixture {
  file: EstateFile;
  vault: Json;
  key: Json;
  keyVersion: Json;
  oldVersion: Json;
  des: Json;
  grant: Json;
  diag: Json;
  lock: Json;
  item: Json;
  /** `providerSpecificDetails` of the item. */
  details: Json;
  add(...r: Json[]): void;
  remove(id: string): void;
}

export function healthy(): Fixture {
  const vault: Json = {
    id: KV,
    name: 'kv-fixture',
    type: 'Microsoft.KeyVault/vaults',
    location: 'westeurope',
    properties: {
      tenantId: T,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableSoftDelete: true,
      enablePurgeProtection: true,
      enableRbacAuthorization: true,
      softDeleteRetentionInDays: 90,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] },
      publicNetworkAccess: 'Enabled',
      vaultUri: 'https://kv-fixture.vault.azure.net/',
      provisioningState: 'Succeeded',
    },
  };
  const keyProps = (v: string, created: number) => ({
    attributes: { enabled: true, created, updated: created, nbf: created, exp: NOW + 200 * DAY, recoveryLevel: 'Recoverable' },
    kty: 'RSA',
    keySize: 3072,
    keyOps: ['wrapKey', 'unwrapKey'],
    keyUri: 'https://kv-fixture.vault.azure.net:443/keys/disk-key',
    keyUriWithVersion: `https://kv-fixture.vault.azure.net:443/keys/disk-key/${v}`,
  });
  const key: Json = {
    id: KEY,
    name: 'disk-key',
    type: 'Microsoft.KeyVault/vaults/keys',
    location: 'westeurope',
    properties: {
      ...keyProps(V_CUR, NOW - 30 * DAY),
      rotationPolicy: { attributes: { expiryTime: 'P1Y' }, lifetimeActions: [{ trigger: { timeAfterCreate: 'P90D' }, action: { type: 'Rotate' } }] },
    },
  };
  const keyVersion: Json = {
    id: `${KEY}/versions/${V_CUR}`,
    name: V_CUR,
    type: 'Microsoft.KeyVault/vaults/keys/versions',
    location: 'westeurope',
    properties: keyProps(V_CUR, NOW - 30 * DAY),
  };
  const oldVersion: Json = {
    id: `${KEY}/versions/${V_OLD}`,
    name: V_OLD,
    type: 'Microsoft.KeyVault/vaults/keys/versions',
    location: 'westeurope',
    properties: keyProps(V_OLD, NOW - 120 * DAY),
  };
  const des: Json = {
    id: DES,
    name: 'des-fixture',
    type: 'Microsoft.Compute/diskEncryptionSets',
    location: 'westeurope',
    identity: { type: 'SystemAssigned', principalId: PRINCIPAL, tenantId: T },
    properties: {
      activeKey: { keyUrl: `https://kv-fixture.vault.azure.net/keys/disk-key/${V_CUR}`, sourceVault: { id: KV } },
      encryptionType: 'EncryptionAtRestWithCustomerKey',
      rotationToLatestKeyVersionEnabled: true,
      provisioningState: 'Succeeded',
      previousKeys: [],
    },
  };
  const grant: Json = {
    id: `${KV}/providers/Microsoft.Authorization/roleAssignments/55555555-5555-4555-8555-555555555555`,
    name: '55555555-5555-4555-8555-555555555555',
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultCryptoServiceEncryptionUser}`,
      principalId: PRINCIPAL,
      principalType: 'ServicePrincipal',
      scope: KV,
    },
  };
  const diag: Json = {
    id: `${KV}/providers/Microsoft.Insights/diagnosticSettings/audit`,
    name: 'audit',
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: { workspaceId: '/x', logs: [{ categoryGroup: 'audit', enabled: true }] },
  };
  const lock: Json = {
    id: `${RG}/providers/Microsoft.Authorization/locks/keep`,
    name: 'keep',
    type: 'Microsoft.Authorization/locks',
    properties: { level: 'CanNotDelete' },
  };
  const details: Json = {
    instanceType: 'VMwareCbt',
    osType: 'Windows',
    targetLocation: 'West Europe',
    targetResourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-app`,
    targetVmName: 'srv-1',
    targetVmSecurityProfile: { targetVmSecurityType: 'None' },
    protectedDisks: [
      { diskId: 'D0', diskName: 'srv-1_disk0', isOSDisk: 'true', capacityInBytes: 128 * 1024 ** 3, diskType: 'Premium_LRS', diskEncryptionSetId: DES },
      {
        diskId: 'D1',
        diskName: 'srv-1_disk1',
        isOSDisk: 'false',
        capacityInBytes: 512 * 1024 ** 3,
        diskType: 'Premium_LRS',
        diskEncryptionSetId: DES.toUpperCase().replace('/SUBSCRIPTIONS/', '/Subscriptions/'),
      },
    ],
  };
  const item: Json = {
    id: ITEM,
    name: 'srv-1',
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems',
    properties: { machineName: 'SRV-1', migrationState: 'Replicating', health: 'Normal', healthErrors: [], providerSpecificDetails: details },
  };
  const file: EstateFile = {
    kind: 'lockstep.estate',
    version: 1,
    capturedAt: '2026-11-29T00:00:00Z',
    tenantId: T,
    subscriptions: [
      { subscriptionId: SUB, displayName: 'Landing', tenantId: T, state: 'Enabled' },
      { subscriptionId: HUB, displayName: 'Hub', tenantId: T, state: 'Enabled' },
    ],
    resources: [vault, key, keyVersion, oldVersion, des, grant, diag, lock, item] as ArmResource[],
  };
  return {
    file,
    vault,
    key,
    keyVersion,
    oldVersion,
    des,
    grant,
    diag,
    lock,
    item,
    details,
    add: (...r) => {
      file.resources.push(...(r as ArmResource[]));
    },
    remove: (id) => {
      file.resources = file.resources.filter((r) => r.id.toLowerCase() !== id.toLowerCase());
    },
  };
}

export function run(f: Fixture | EstateFile, settings?: Partial<Settings>, now = NOW): Evaluation {
  const file = (f as Fixture).vault !== undefined ? (f as Fixture).file : (f as EstateFile);
  return evaluate(normalize(file), { settings, now });
}

/** The messages of one rule in an evaluation. */
export function messages(e: Evaluation, ruleId: string): string[] {
  return e.findings.filter((x) => x.ruleId === ruleId).map((x) => x.message);
}

export const HSM = `${RG}/providers/Microsoft.KeyVault/managedHSMs/hsm-fixture`;
export const PARTNER_APP = '66666666-6666-4666-8666-666666666666';
export const UAMI = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-fixture`;

/** The same server replicated agent-based: an InMageRcm protected item with the same disks (field names as InMageRcm has them). */
export function asAgentBased(f: Fixture, provider: 'InMageRcm' | 'InMageAzureV2' = 'InMageRcm'): Json {
  f.remove(ITEM);
  const id = ITEM.replace('/replicationMigrationItems/', '/replicationProtectedItems/');
  const disks = f.details.protectedDisks as Json[];
  const details: Json =
    provider === 'InMageRcm'
      ? {
          instanceType: 'InMageRcm',
          osType: 'Windows',
          targetLocation: 'westeurope',
          targetResourceGroupId: f.details.targetResourceGroupId,
          targetVmName: 'srv-1',
          protectedDisks: disks,
          vmNics: [],
        }
      : {
          instanceType: 'InMageAzureV2',
          osType: 'Windows',
          recoveryAzureVMName: 'srv-1',
          recoveryAzureResourceGroupId: f.details.targetResourceGroupId,
          osDiskId: 'D0',
          protectedDisks: disks.map((d) => ({ diskId: d.diskId, diskName: d.diskName, diskCapacityInBytes: d.capacityInBytes })),
          protectedManagedDisks: disks.map((d) => ({
            diskId: d.diskId,
            replicaDiskType: 'Premium_LRS',
            diskEncryptionSetId: d.diskEncryptionSetId,
            targetDiskName: `${d.diskName}-target`,
          })),
        };
  const item: Json = {
    id,
    name: 'srv-1',
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems',
    properties: { friendlyName: 'SRV-1', protectionState: 'Protected', replicationHealth: 'Normal', healthErrors: [], providerSpecificDetails: details },
  };
  // The vault's location is where classic agent-based servers land.
  f.add(item, {
    id: ITEM.split('/replicationFabrics/')[0]!,
    name: 'rsv-fixture',
    type: 'Microsoft.RecoveryServices/vaults',
    location: 'westeurope',
    properties: {},
  });
  return item;
}

/** The DES's key moved to a Managed HSM (the vault gone): an HSM that passes every rule ARM can judge. */
export function onManagedHsm(f: Fixture): Json {
  f.remove(KV);
  const hsm: Json = {
    id: HSM,
    name: 'hsm-fixture',
    type: 'Microsoft.KeyVault/managedHSMs',
    location: 'westeurope',
    sku: { family: 'B', name: 'Standard_B1' },
    properties: {
      tenantId: T,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      hsmUri: 'https://hsm-fixture.managedhsm.azure.net/',
      provisioningState: 'Succeeded',
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny' },
      publicNetworkAccess: 'Enabled',
      securityDomainProperties: { activationStatus: 'Active' },
    },
  };
  f.add(hsm, { ...f.diag, id: `${HSM}/providers/Microsoft.Insights/diagnosticSettings/audit` });
  f.des.properties.activeKey = { keyUrl: `https://hsm-fixture.managedhsm.azure.net/keys/disk-key/${V_CUR}` };
  return hsm;
}

/** The DES's key in another tenant's vault, reached through a multi-tenant application and a user-assigned identity. */
export function crossTenant(f: Fixture, federatedClientId: string | null = PARTNER_APP): void {
  f.des.identity = { type: 'UserAssigned', userAssignedIdentities: { [UAMI]: { principalId: PRINCIPAL, clientId: '77777777-7777-4777-8777-777777777777' } } };
  f.des.properties.activeKey = { keyUrl: `https://kv-partner.vault.azure.net/keys/partner-key/${V_CUR}` };
  if (federatedClientId) f.des.properties.federatedClientId = federatedClientId;
}

export const VM = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/srv-1`;

/**
 * The server's migration completed: its VM srv-1 and its two managed disks are in the target group, each under the DES
 * replication named, with encryption at host on (the healthy landing). Returns the VM and disks to bend.
 */
export function landed(f: Fixture): { vm: Json; disks: Json[] } {
  (f.item.properties as Json).migrationState = 'MigrationSucceeded';
  const disks: Json[] = [0, 1].map((i) => ({
    id: `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/disks/srv-1-disk${i}`,
    name: `srv-1-disk${i}`,
    type: 'Microsoft.Compute/disks',
    location: 'westeurope',
    properties: { encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: DES } },
  }));
  const vm: Json = {
    id: VM,
    name: 'srv-1',
    type: 'Microsoft.Compute/virtualMachines',
    location: 'westeurope',
    properties: {
      storageProfile: { osDisk: { managedDisk: { id: disks[0]!.id } }, dataDisks: [{ lun: 0, managedDisk: { id: disks[1]!.id } }] },
      securityProfile: { encryptionAtHost: true },
    },
  };
  f.add(vm, ...disks);
  return { vm, disks };
}

/**
 * The server's test migration succeeded, run by a replication job in its vault. `job`: 'named' (the job's
 * TestFailoverJobDetails names the test VM srv-1-test, which is in the target group with its two disks under the DES),
 * 'unnamed' (AsrJobDetails, as Azure Migrate's recorded VMwareCbt test migrations carry) or 'none' (no job captured).
 * Returns the test VM and its disks to bend.
 */
export function testMigrated(f: Fixture, job: 'named' | 'unnamed' | 'none' = 'named'): { vm: Json; disks: Json[] } {
  const item = f.item.properties as Json;
  item.testMigrateState = 'TestMigrationSucceeded';
  item.testMigrateStateDescription = 'Test migration succeeded';
  const vaultId = f.item.id.split('/replicationFabrics/')[0]!;
  const machine = String(item.machineName);
  if (job !== 'none')
    f.add({
      id: `${vaultId}/replicationJobs/0f5e1c2a-test-migrate`,
      name: '0f5e1c2a-test-migrate',
      type: 'Microsoft.RecoveryServices/vaults/replicationJobs',
      properties: {
        scenarioName: 'TestMigrate',
        friendlyName: 'Test migration',
        state: 'Succeeded',
        stateDescription: 'Completed',
        startTime: '2026-01-10T09:00:00Z',
        endTime: '2026-01-10T09:20:00Z',
        targetObjectName: machine,
        targetInstanceType: 'ProtectionEntity',
        customDetails:
          job === 'named'
            ? {
                instanceType: 'TestFailoverJobDetails',
                testFailoverStatus: 'Succeeded',
                networkType: 'VmNetworkAsInput',
                protectedItemDetails: [{ name: f.item.id.split('/').pop(), friendlyName: machine, testVmName: 'srv-1-test', testVmFriendlyName: 'srv-1-test' }],
              }
            : { instanceType: 'AsrJobDetails', affectedObjectDetails: { primaryVmName: machine, recoveryVmName: 'srv-1' } },
      },
    });
  const disks: Json[] = [0, 1].map((i) => ({
    id: `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/disks/srv-1-test-disk${i}`,
    name: `srv-1-test-disk${i}`,
    type: 'Microsoft.Compute/disks',
    location: 'westeurope',
    properties: { encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: DES } },
  }));
  const vm: Json = {
    id: `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/srv-1-test`,
    name: 'srv-1-test',
    type: 'Microsoft.Compute/virtualMachines',
    location: 'westeurope',
    properties: {
      storageProfile: { osDisk: { managedDisk: { id: disks[0]!.id } }, dataDisks: [{ lun: 0, managedDisk: { id: disks[1]!.id } }] },
      securityProfile: { encryptionAtHost: true },
    },
  };
  if (job === 'named') f.add(vm, ...disks);
  return { vm, disks };
}

/** A policy assignment of a disk-encryption built-in at `scope` (the target group's subscription unless said). */
export function policyAssignment(
  f: Fixture,
  o: {
    policy: 'allowedDes' | 'cmkRequired';
    effect?: 'Audit' | 'Deny' | 'Disabled';
    allowed?: string[];
    scope?: string;
    notScopes?: string[];
    enforcementMode?: string;
  },
): Json {
  const scope = o.scope ?? `/subscriptions/${SUB}`;
  const def = o.policy === 'allowedDes' ? 'd461a302-a187-421a-89ac-84acdb4edc04' : '702dd420-7fcc-42c5-afe8-4026edd20fe0';
  const a: Json = {
    id: `${scope}/providers/Microsoft.Authorization/policyAssignments/guard-${o.policy}`,
    name: `guard-${o.policy}`,
    type: 'Microsoft.Authorization/policyAssignments',
    properties: {
      displayName: o.policy === 'allowedDes' ? 'Only approved disk encryption sets' : 'Disks need a customer-managed key',
      policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${def}`,
      scope,
      notScopes: o.notScopes ?? [],
      enforcementMode: o.enforcementMode ?? 'Default',
      parameters: {
        ...(o.effect ? { effect: { value: o.effect } } : {}),
        ...(o.allowed ? { allowedEncryptionSets: { value: o.allowed } } : {}),
      },
    },
  };
  f.add(a);
  return a;
}

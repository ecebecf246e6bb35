/**
 * Every rule on named fixtures: the healthy chain passes all of them; each fixture bends one thing
 * and asserts the exact messages of the rule it targets (and, for absent fields, what absent means).
 */
import { describe, expect, it } from 'vitest';
import { RULES } from './catalog';
import {
  DAY,
  DES,
  HSM,
  HUB,
  ITEM,
  KEY,
  KV,
  NOW,
  PARTNER_APP,
  PRINCIPAL,
  RG,
  SUB,
  V_CUR,
  V_OLD,
  VM,
  asAgentBased,
  crossTenant,
  healthy,
  landed,
  testMigrated,
  policyAssignment,
  messages,
  onManagedHsm,
  run,
  type Fixture,
} from './fixtures';
import type { Settings } from './types';

type Json = Record<string, unknown>;

interface Case {
  name: string;
  rule: string;
  bend: (f: Fixture) => void;
  expected: string[];
  settings?: Partial<Settings>;
}

const KEY_LABEL = `Key disk-key (version ${V_CUR}) in kv-fixture`;

const CASES: Case[] = [
  // Servers
  {
    name: 'srv-disk-without-des',
    rule: 'LS-SRV-001',
    bend: (f) => {
      delete f.details.protectedDisks[1].diskEncryptionSetId;
    },
    expected: ['Server SRV-1 has 1 disk without a disk encryption set (srv-1_disk1): it will land in Azure with platform-managed keys.'],
  },
  {
    name: 'srv-disks-with-empty-des',
    rule: 'LS-SRV-001',
    bend: (f) => {
      f.details.protectedDisks[0].diskEncryptionSetId = '';
      f.details.protectedDisks[1].diskEncryptionSetId = '';
    },
    expected: ['Server SRV-1 has 2 disks without a disk encryption set (srv-1_disk0 and srv-1_disk1): they will land in Azure with platform-managed keys.'],
  },
  {
    name: 'srv-des-missing',
    rule: 'LS-SRV-002',
    bend: (f) => f.remove(DES),
    expected: [`Server SRV-1 replicates to disk encryption set des-fixture, which does not exist in Landing (${SUB}).`],
  },
  {
    name: 'srv-des-other-region',
    rule: 'LS-SRV-003',
    bend: (f) => {
      f.details.targetLocation = 'northeurope';
    },
    expected: ['Server SRV-1 migrates to northeurope but disk encryption set des-fixture is in westeurope; the DES must be in the target region.'],
  },
  {
    name: 'srv-region-from-container-mapping',
    rule: 'LS-SRV-003',
    bend: (f) => {
      delete f.details.targetLocation;
      f.add({
        id: `${ITEM.split('/replicationMigrationItems/')[0]}/replicationProtectionContainerMappings/containermapping`,
        name: 'containermapping',
        type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings',
        properties: { providerSpecificDetails: { instanceType: 'VMwareCbt', targetLocation: 'North Europe' } },
      });
    },
    expected: ['Server SRV-1 migrates to northeurope but disk encryption set des-fixture is in westeurope; the DES must be in the target region.'],
  },
  {
    name: 'srv-des-other-subscription',
    rule: 'LS-SRV-004',
    bend: (f) => {
      f.details.targetResourceGroupId = `/subscriptions/${HUB}/resourceGroups/rg-app`;
    },
    expected: [`Server SRV-1 migrates to Hub (${HUB}) but disk encryption set des-fixture is in Landing (${SUB}); the DES must be in the target subscription.`],
  },
  {
    name: 'srv-two-des',
    rule: 'LS-SRV-005',
    bend: (f) => {
      const other = structuredClone(f.des);
      other.id = other.id.replace('des-fixture', 'des-second');
      other.name = 'des-second';
      f.add(other);
      f.details.protectedDisks[1].diskEncryptionSetId = other.id;
    },
    expected: ['Server SRV-1 uses 2 disk encryption sets (des-fixture and des-second).'],
  },
  {
    name: 'srv-confidential-des-on-data-disk',
    rule: 'LS-SRV-006',
    bend: (f) => {
      f.des.properties.encryptionType = 'ConfidentialVmEncryptedWithCustomerKey';
      f.details.targetVmSecurityProfile.targetVmSecurityType = 'ConfidentialVM';
    },
    expected: ['Disk srv-1_disk1 of server SRV-1 uses confidential-VM disk encryption set des-fixture, which only works for the OS disk of a confidential VM.'],
  },
  {
    name: 'srv-confidential-des-not-confidential-vm',
    rule: 'LS-SRV-006',
    bend: (f) => {
      f.des.properties.encryptionType = 'ConfidentialVmEncryptedWithCustomerKey';
      f.details.protectedDisks.pop();
    },
    expected: [
      'Disk srv-1_disk0 of server SRV-1 uses confidential-VM disk encryption set des-fixture, which only works for the OS disk of a confidential VM (the target is not a confidential VM).',
    ],
  },
  {
    name: 'srv-replication-failed',
    rule: 'LS-SRV-007',
    bend: (f) => {
      f.item.properties.migrationState = 'InitialSeedingFailed';
      f.item.properties.healthErrors = [{ errorCode: '1', errorMessage: 'Snapshot failed.' }];
    },
    expected: ['Replication of server SRV-1 is unhealthy (InitialSeedingFailed, health Normal): Snapshot failed.'],
  },
  {
    name: 'srv-health-critical',
    rule: 'LS-SRV-007',
    bend: (f) => {
      f.item.properties.health = 'Critical';
    },
    expected: ['Replication of server SRV-1 is unhealthy (Replicating, health Critical).'],
  },
  {
    name: 'srv-no-disk-details',
    rule: 'LS-SRV-008',
    bend: (f) => {
      delete f.details.protectedDisks;
    },
    expected: ['Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: the replication item reports no disks.'],
  },
  {
    name: 'srv-des-in-uncaptured-subscription',
    rule: 'LS-SRV-008',
    bend: (f) => {
      f.file.subscriptions = f.file.subscriptions.filter((s) => s.subscriptionId !== SUB);
      f.file.resources = f.file.resources.filter((r) => !r.id.startsWith(`/subscriptions/${SUB}`));
    },
    expected: [
      `Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: disk encryption set des-fixture could not be read (subscription ${SUB} was not captured).`,
    ],
  },
  {
    name: 'srv-vault-under-gap',
    rule: 'LS-SRV-008',
    bend: (f) => {
      f.remove(KV);
      f.file.gaps = [{ scope: RG, operation: 'list key vaults', status: 403, code: 'AuthorizationFailed', message: 'denied' }];
    },
    expected: [
      `Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: the key vault of des-fixture could not be read (list key vaults on ${RG} failed (403 AuthorizationFailed)).`,
    ],
  },
  {
    name: 'srv-role-assignments-unreadable',
    rule: 'LS-SRV-008',
    bend: (f) => {
      f.file.gaps = [{ scope: `/subscriptions/${SUB}`, operation: 'list role assignments', status: 403, code: 'AuthorizationFailed', message: 'denied' }];
    },
    expected: [
      'Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: access to the key of des-fixture could not be checked: role assignments on kv-fixture could not be read (403 AuthorizationFailed).',
    ],
  },

  // Disk encryption sets
  {
    name: 'des-failed',
    rule: 'LS-DES-001',
    bend: (f) => {
      f.des.properties.provisioningState = 'Failed';
    },
    expected: ['Disk encryption set des-fixture failed to provision (provisioningState Failed).'],
  },
  {
    name: 'des-identity-none',
    rule: 'LS-DES-002',
    bend: (f) => {
      f.des.identity = { type: 'None' };
    },
    expected: ['Disk encryption set des-fixture has no managed identity (identity type None), so it cannot reach its key in kv-fixture.'],
  },
  {
    name: 'des-identity-absent',
    rule: 'LS-DES-002',
    bend: (f) => {
      delete f.des.identity;
    },
    expected: ['Disk encryption set des-fixture has no managed identity, so it cannot reach its key in kv-fixture.'],
  },
  {
    name: 'des-no-role-assignment',
    rule: 'LS-DES-003',
    bend: (f) => f.remove(f.grant.id),
    expected: [
      'Disk encryption set des-fixture cannot unwrap keys in kv-fixture: its identity has no role assignment on the key, the vault or above it that grants keys/read, keys/wrap/action and keys/unwrap/action (Key Vault Crypto Service Encryption User does).',
    ],
  },
  {
    name: 'des-reader-role-only',
    rule: 'LS-DES-003',
    bend: (f) => {
      f.grant.properties.roleDefinitionId = '/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7';
    },
    expected: [
      'Disk encryption set des-fixture cannot unwrap keys in kv-fixture: its roles on the vault do not grant keys/read, keys/wrap/action, keys/unwrap/action.',
    ],
  },
  {
    name: 'des-custom-role-not-data-actions',
    rule: 'LS-DES-003',
    bend: (f) => {
      f.add({
        id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/66666666-6666-4666-8666-666666666666`,
        name: '66666666-6666-4666-8666-666666666666',
        type: 'Microsoft.Authorization/roleDefinitions',
        properties: {
          roleName: 'Key user but no unwrap',
          type: 'CustomRole',
          permissions: [
            {
              actions: [],
              notActions: [],
              dataActions: ['Microsoft.KeyVault/vaults/keys/*'],
              notDataActions: ['Microsoft.KeyVault/vaults/keys/unwrap/action'],
            },
          ],
        },
      });
      f.grant.properties.roleDefinitionId = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/66666666-6666-4666-8666-666666666666`;
    },
    expected: ['Disk encryption set des-fixture cannot unwrap keys in kv-fixture: its roles on the vault do not grant keys/unwrap/action.'],
  },
  {
    name: 'des-access-policy-lacks-unwrap',
    rule: 'LS-DES-003',
    bend: (f) => {
      f.vault.properties.enableRbacAuthorization = false;
      f.vault.properties.accessPolicies = [{ tenantId: 'x', objectId: PRINCIPAL.toUpperCase(), permissions: { keys: ['Get', 'WrapKey'] } }];
    },
    expected: ['Disk encryption set des-fixture cannot unwrap keys in kv-fixture: its access policy lacks unwrapKey.'],
  },
  {
    name: 'des-access-policy-absent-rbac-flag',
    rule: 'LS-DES-003',
    bend: (f) => {
      delete f.vault.properties.enableRbacAuthorization;
    },
    expected: ['Disk encryption set des-fixture cannot unwrap keys in kv-fixture: its identity has no access policy with get, wrapKey and unwrapKey.'],
  },
  {
    name: 'des-vault-missing',
    rule: 'LS-DES-004',
    bend: (f) => f.remove(KV),
    expected: [`Disk encryption set des-fixture points to key vault kv-fixture (${KV}), which does not exist.`],
  },
  {
    name: 'des-vault-other-region',
    rule: 'LS-DES-005',
    bend: (f) => {
      f.vault.location = 'North Europe';
    },
    expected: ['Disk encryption set des-fixture is in westeurope but its key vault kv-fixture is in northeurope; they must be in the same region.'],
  },
  {
    name: 'des-rotation-off',
    rule: 'LS-DES-006',
    bend: (f) => {
      f.des.properties.rotationToLatestKeyVersionEnabled = 'false';
    },
    expected: ['Disk encryption set des-fixture does not follow new key versions automatically (rotationToLatestKeyVersionEnabled is off).'],
  },
  {
    name: 'des-rotation-absent',
    rule: 'LS-DES-006',
    bend: (f) => {
      delete f.des.properties.rotationToLatestKeyVersionEnabled;
    },
    expected: ['Disk encryption set des-fixture does not follow new key versions automatically (rotationToLatestKeyVersionEnabled is not set).'],
  },
  {
    name: 'des-rotation-error',
    rule: 'LS-DES-007',
    bend: (f) => {
      f.des.properties.autoKeyRotationError = { code: 'ManagedServiceIdentityNotFound', message: 'Identity not found.' };
    },
    expected: ['Automatic key rotation of disk encryption set des-fixture has stopped: ManagedServiceIdentityNotFound: Identity not found.'],
  },
  {
    name: 'des-single-when-double-required',
    rule: 'LS-DES-008',
    settings: { requireDoubleEncryption: true },
    bend: () => undefined,
    expected: [
      'Disk encryption set des-fixture uses single encryption (EncryptionAtRestWithCustomerKey); this engagement requires double encryption with platform and customer keys.',
    ],
  },
  {
    name: 'des-old-version',
    rule: 'LS-DES-009',
    bend: (f) => {
      f.des.properties.activeKey.keyUrl = `https://kv-fixture.vault.azure.net/keys/disk-key/${V_OLD}`;
    },
    expected: [`Disk encryption set des-fixture uses an older version (${V_OLD}) of key disk-key; the current version is ${V_CUR}.`],
  },

  // Keys
  {
    name: 'key-missing',
    rule: 'LS-KEY-001',
    bend: (f) => {
      f.remove(KEY);
      f.remove(`${KEY}/versions/${V_CUR}`);
      f.remove(`${KEY}/versions/${V_OLD}`);
    },
    expected: ['Key disk-key used by disk encryption set des-fixture does not exist in key vault kv-fixture.'],
  },
  {
    name: 'key-version-missing',
    rule: 'LS-KEY-001',
    bend: (f) => {
      f.des.properties.activeKey.keyUrl = `https://kv-fixture.vault.azure.net/keys/disk-key/${'c3'.repeat(16)}`;
    },
    expected: [`Version ${'c3'.repeat(16)} of key disk-key, used by disk encryption set des-fixture, does not exist in key vault kv-fixture.`],
  },
  {
    name: 'key-disabled',
    rule: 'LS-KEY-002',
    bend: (f) => {
      f.keyVersion.properties.attributes.enabled = 'False';
    },
    expected: [`${KEY_LABEL} is disabled: VMs whose disks use it shut down and cannot start until it is enabled or replaced.`],
  },
  {
    name: 'key-expired',
    rule: 'LS-KEY-003',
    bend: (f) => {
      f.keyVersion.properties.attributes.exp = NOW;
    },
    expected: [`${KEY_LABEL} expired on 2026-11-29: VMs whose disks use it fail at their next start.`],
  },
  {
    name: 'key-expires-in-10-days',
    rule: 'LS-KEY-004',
    bend: (f) => {
      f.keyVersion.properties.attributes.exp = NOW + 10 * DAY;
    },
    expected: [`${KEY_LABEL} expires on 2026-12-09, in 10 days.`],
  },
  {
    name: 'key-expires-after-window',
    rule: 'LS-KEY-004',
    bend: (f) => {
      f.keyVersion.properties.attributes.exp = NOW + 31 * DAY;
    },
    expected: [],
  },
  {
    name: 'key-not-yet-valid',
    rule: 'LS-KEY-005',
    bend: (f) => {
      f.keyVersion.properties.attributes.nbf = NOW + 2 * DAY;
    },
    expected: [`${KEY_LABEL} is not valid until 2026-12-01.`],
  },
  {
    name: 'key-ec',
    rule: 'LS-KEY-006',
    bend: (f) => {
      f.keyVersion.properties.kty = 'EC';
      delete f.keyVersion.properties.keySize;
    },
    expected: [`${KEY_LABEL} is EC: managed disks need an RSA or RSA-HSM key of 2048, 3072 or 4096 bits.`],
  },
  {
    name: 'key-rsa-1024',
    rule: 'LS-KEY-006',
    bend: (f) => {
      f.keyVersion.properties.keySize = 1024;
    },
    expected: [`${KEY_LABEL} is RSA 1024: managed disks need an RSA or RSA-HSM key of 2048, 3072 or 4096 bits.`],
  },
  {
    name: 'key-rsa-size-absent',
    rule: 'LS-KEY-006',
    bend: (f) => {
      delete f.keyVersion.properties.keySize;
      delete f.key.properties.keySize;
    },
    expected: [],
  },
  {
    name: 'key-no-rotation-policy',
    rule: 'LS-KEY-007',
    bend: (f) => {
      delete f.key.properties.rotationPolicy;
    },
    expected: ['Key disk-key in kv-fixture has no rotation policy.'],
  },
  {
    name: 'key-rotation-notify-only',
    rule: 'LS-KEY-007',
    bend: (f) => {
      f.key.properties.rotationPolicy.lifetimeActions = [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }];
    },
    expected: ['Key disk-key in kv-fixture has a rotation policy that only notifies and never rotates it.'],
  },
  {
    name: 'key-rsa-2048',
    rule: 'LS-KEY-008',
    bend: (f) => {
      f.keyVersion.properties.keySize = 2048;
    },
    expected: [`${KEY_LABEL} is RSA 2048, below the engagement minimum of 3072 bits.`],
  },
  {
    name: 'key-rsa-size-absent-is-2048',
    rule: 'LS-KEY-008',
    bend: (f) => {
      delete f.keyVersion.properties.keySize;
      delete f.key.properties.keySize;
    },
    expected: [`${KEY_LABEL} is RSA 2048, below the engagement minimum of 3072 bits.`],
  },
  {
    name: 'key-no-expiry',
    rule: 'LS-KEY-009',
    bend: (f) => {
      delete f.keyVersion.properties.attributes.exp;
    },
    expected: [`${KEY_LABEL} has no expiry date.`],
  },

  // Key vaults
  {
    name: 'kv-soft-delete-off',
    rule: 'LS-KV-001',
    bend: (f) => {
      f.vault.properties.enableSoftDelete = false;
    },
    expected: ['Key vault kv-fixture has soft delete turned off: a deleted key cannot be recovered, and the disks it encrypts would be lost.'],
  },
  {
    name: 'kv-soft-delete-missing',
    rule: 'LS-KV-001',
    bend: (f) => {
      delete f.vault.properties.enableSoftDelete;
    },
    expected: [],
  },
  {
    name: 'kv-purge-off',
    rule: 'LS-KV-002',
    bend: (f) => {
      f.vault.properties.enablePurgeProtection = false;
    },
    expected: ['Key vault kv-fixture does not have purge protection: a deleted key can be purged at once, leaving the disks it encrypts unrecoverable.'],
  },
  {
    name: 'kv-purge-missing',
    rule: 'LS-KV-002',
    bend: (f) => {
      delete f.vault.properties.enablePurgeProtection;
    },
    expected: [
      'Key vault kv-fixture does not have purge protection (the setting is absent): a deleted key can be purged at once, leaving the disks it encrypts unrecoverable.',
    ],
  },
  {
    name: 'kv-firewall-no-bypass',
    rule: 'LS-KV-003',
    bend: (f) => {
      f.vault.properties.networkAcls.bypass = 'None';
    },
    expected: [
      'Key vault kv-fixture denies public network traffic and does not let trusted Azure services through (bypass None): Azure Disk Storage cannot reach its keys.',
    ],
  },
  {
    name: 'kv-public-disabled-no-bypass',
    rule: 'LS-KV-003',
    bend: (f) => {
      f.vault.properties.publicNetworkAccess = 'Disabled';
      f.vault.properties.networkAcls = { defaultAction: 'Allow', bypass: 'None' };
    },
    expected: [
      'Key vault kv-fixture denies public network traffic and does not let trusted Azure services through (bypass None): Azure Disk Storage cannot reach its keys.',
    ],
  },
  {
    name: 'kv-firewall-bypass-absent',
    rule: 'LS-KV-003',
    bend: (f) => {
      delete f.vault.properties.networkAcls.bypass;
    },
    expected: [],
  },
  {
    name: 'kv-access-policies',
    rule: 'LS-KV-004',
    bend: (f) => {
      f.vault.properties.enableRbacAuthorization = false;
      f.vault.properties.accessPolicies = [{ objectId: PRINCIPAL, permissions: { keys: ['all'] } }];
    },
    expected: ['Key vault kv-fixture uses access policies instead of Azure RBAC to control key use.'],
  },
  {
    name: 'kv-retention-7',
    rule: 'LS-KV-005',
    bend: (f) => {
      f.vault.properties.softDeleteRetentionInDays = '7';
    },
    expected: ['Key vault kv-fixture keeps deleted keys for 7 days; 90 days gives the most time to recover one.'],
  },
  {
    name: 'kv-retention-absent',
    rule: 'LS-KV-005',
    bend: (f) => {
      delete f.vault.properties.softDeleteRetentionInDays;
    },
    expected: [],
  },
  {
    name: 'kv-no-diagnostics',
    rule: 'LS-KV-006',
    bend: (f) => f.remove(f.diag.id),
    expected: ['Key vault kv-fixture sends no audit logs (AuditEvent) to any diagnostic destination.'],
  },
  {
    name: 'kv-audit-disabled',
    rule: 'LS-KV-006',
    bend: (f) => {
      f.diag.properties.logs = [{ categoryGroup: 'audit', enabled: false }];
    },
    expected: ['Key vault kv-fixture sends no audit logs (AuditEvent) to any diagnostic destination.'],
  },
  {
    name: 'kv-auditevent-category',
    rule: 'LS-KV-006',
    bend: (f) => {
      f.diag.properties.logs = [{ category: 'auditevent' }];
    },
    expected: [],
  },
  {
    name: 'kv-public-open',
    rule: 'LS-KV-007',
    bend: (f) => {
      delete f.vault.properties.networkAcls;
      delete f.vault.properties.publicNetworkAccess;
    },
    expected: ['Key vault kv-fixture accepts traffic from all public networks.'],
  },
  {
    name: 'kv-no-lock',
    rule: 'LS-KV-008',
    bend: (f) => f.remove(f.lock.id),
    expected: ['Key vault kv-fixture has no delete lock on itself, its resource group or its subscription.'],
  },
  {
    name: 'hsm-no-lock',
    rule: 'LS-KV-008',
    bend: (f) => {
      f.remove(f.lock.id);
      onManagedHsm(f);
    },
    expected: ['Managed HSM hsm-fixture has no delete lock on itself, its resource group or its subscription.'],
  },
  {
    name: 'kv-lock-on-subscription',
    rule: 'LS-KV-008',
    bend: (f) => {
      f.remove(f.lock.id);
      f.add({ ...f.lock, id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/locks/keep` });
    },
    expected: [],
  },

  // Agent-based servers: the same rules on InMageRcm and classic InMageAzureV2 items.
  {
    name: 'agent-rcm-disk-without-des',
    rule: 'LS-SRV-001',
    bend: (f) => {
      delete f.details.protectedDisks[1].diskEncryptionSetId;
      asAgentBased(f);
    },
    expected: ['Server SRV-1 has 1 disk without a disk encryption set (srv-1_disk1): it will land in Azure with platform-managed keys.'],
  },
  {
    name: 'agent-v2-disk-without-des',
    rule: 'LS-SRV-001',
    bend: (f) => {
      f.details.protectedDisks[1].diskEncryptionSetId = '';
      asAgentBased(f, 'InMageAzureV2');
    },
    expected: ['Server SRV-1 has 1 disk without a disk encryption set (srv-1_disk1): it will land in Azure with platform-managed keys.'],
  },
  {
    name: 'agent-rcm-no-disk-details',
    rule: 'LS-SRV-008',
    bend: (f) => {
      asAgentBased(f).properties.providerSpecificDetails.protectedDisks = [];
    },
    expected: ['Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: the replication item reports no disks.'],
  },
  {
    name: 'srv-detail-read-failed',
    rule: 'LS-SRV-008',
    bend: (f) => {
      f.details.protectedDisks = [];
      f.file.gaps = [{ scope: ITEM, operation: 'read replicating server details', status: 500, code: 'InternalServerError', message: 'boom' }];
    },
    expected: [
      'Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: its disk details could not be read (read replicating server details failed: 500 InternalServerError).',
    ],
  },

  // Cross-tenant keys: unknown, with what to verify there; never "vault not found".
  {
    name: 'des-cross-tenant',
    rule: 'LS-DES-010',
    bend: (f) => crossTenant(f),
    expected: [
      `Disk encryption set des-fixture uses key partner-key in vault kv-partner (kv-partner.vault.azure.net), which is in another tenant, through multi-tenant application ${PARTNER_APP}: this tenant cannot see that vault's purge protection, the key's state or the grant. Verify them signed in to the key's tenant (az keyvault show --name kv-partner; az keyvault key show --vault-name kv-partner --name partner-key; az role assignment list on the key for application ${PARTNER_APP}).`,
    ],
  },
  {
    name: 'srv-cross-tenant-unknown',
    rule: 'LS-SRV-008',
    bend: (f) => crossTenant(f),
    expected: [
      'Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: the key of des-fixture is in another tenant (kv-partner.vault.azure.net) and cannot be verified from this one.',
    ],
  },
  { name: 'des-cross-tenant-no-vault-finding', rule: 'LS-DES-004', bend: (f) => crossTenant(f), expected: [] },
  {
    name: 'des-foreign-vault-without-federated-client',
    rule: 'LS-SRV-008',
    bend: (f) => crossTenant(f, null),
    expected: [
      'Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: the key vault of des-fixture could not be read (no captured key vault is named kv-partner).',
    ],
  },
  { name: 'des-same-tenant-no-cross-tenant-finding', rule: 'LS-DES-010', bend: () => undefined, expected: [] },

  // Managed HSM keys: the HSM judged as a vault; its local RBAC and key stated as not verifiable through ARM.
  {
    name: 'des-hsm-access-unverified',
    rule: 'LS-DES-011',
    bend: (f) => {
      onManagedHsm(f);
    },
    expected: [
      `Disk encryption set des-fixture uses key disk-key in Managed HSM hsm-fixture: its identity's access to the key and the key's state are not verifiable through ARM. Check with: az keyvault role assignment list --hsm-name hsm-fixture --scope /keys/disk-key --assignee ${PRINCIPAL} (expect Managed HSM Crypto Service Encryption User), and az keyvault key show --hsm-name hsm-fixture --name disk-key.`,
    ],
  },
  {
    name: 'hsm-purge-off',
    rule: 'LS-KV-002',
    bend: (f) => {
      onManagedHsm(f).properties.enablePurgeProtection = false;
    },
    expected: ['Managed HSM hsm-fixture does not have purge protection: a deleted key can be purged at once, leaving the disks it encrypts unrecoverable.'],
  },
  {
    name: 'hsm-soft-delete-off',
    rule: 'LS-KV-001',
    bend: (f) => {
      onManagedHsm(f).properties.enableSoftDelete = false;
    },
    expected: ['Managed HSM hsm-fixture has soft delete turned off: a deleted key cannot be recovered, and the disks it encrypts would be lost.'],
  },
  {
    name: 'hsm-not-activated',
    rule: 'LS-KV-009',
    bend: (f) => {
      onManagedHsm(f).properties.securityDomainProperties.activationStatus = 'NotActivated';
    },
    expected: [
      'Managed HSM hsm-fixture has not activated its security domain (NotActivated): it performs no key operations until the security domain is downloaded.',
    ],
  },
  {
    name: 'hsm-provisioning-failed',
    rule: 'LS-KV-009',
    bend: (f) => {
      onManagedHsm(f).properties.provisioningState = 'Failed';
    },
    expected: ['Managed HSM hsm-fixture is not provisioned (provisioningState Failed): it performs no key operations.'],
  },
  {
    name: 'hsm-security-domain-absent',
    rule: 'LS-KV-009',
    bend: (f) => {
      delete onManagedHsm(f).properties.securityDomainProperties;
    },
    expected: [],
  },
  {
    name: 'hsm-has-no-access-policy-model',
    rule: 'LS-KV-004',
    bend: (f) => {
      onManagedHsm(f);
    },
    expected: [],
  },
  {
    name: 'hsm-absent',
    rule: 'LS-SRV-008',
    bend: (f) => {
      onManagedHsm(f);
      f.remove(HSM);
    },
    expected: [
      'Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: the Managed HSM of des-fixture could not be read (no captured Managed HSM is named hsm-fixture).',
    ],
  },
  {
    name: 'hsm-key-never-not-found',
    rule: 'LS-KEY-001',
    bend: (f) => {
      onManagedHsm(f);
    },
    expected: [],
  },
  // What landed
  {
    name: 'landed-under-the-planned-des-with-encryption-at-host',
    rule: 'LS-LND-001',
    bend: (f) => {
      landed(f);
    },
    expected: [],
  },
  {
    name: 'landed-disk-under-platform-key',
    rule: 'LS-LND-001',
    bend: (f) => {
      const { disks } = landed(f);
      (disks[1]!.properties as Json).encryption = { type: 'EncryptionAtRestWithPlatformKey' };
    },
    expected: ['Server SRV-1 landed as VM srv-1 with 1 disk under a platform-managed key (srv-1-disk1).'],
  },
  {
    name: 'landed-disk-under-platform-key-is-not-judged-by-replication',
    rule: 'LS-SRV-001',
    bend: (f) => {
      const { disks } = landed(f);
      delete f.details.protectedDisks[1].diskEncryptionSetId;
      (disks[1]!.properties as Json).encryption = { type: 'EncryptionAtRestWithPlatformKey' };
    },
    expected: [],
  },
  {
    name: 'landed-disk-under-another-des',
    rule: 'LS-LND-002',
    bend: (f) => {
      const { disks } = landed(f);
      (disks[0]!.properties as Json).encryption = {
        type: 'EncryptionAtRestWithCustomerKey',
        diskEncryptionSetId: `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-other`,
      };
    },
    expected: ['Disk srv-1-disk0 of server SRV-1 landed under disk encryption set des-other, not the one replication named (des-fixture).'],
  },
  {
    name: 'landed-without-encryption-at-host',
    rule: 'LS-LND-003',
    bend: (f) => {
      const { vm } = landed(f);
      (vm.properties as Json).securityProfile = {};
    },
    expected: ['Server SRV-1 landed as VM srv-1 without encryption at host: its temp disk and host caches are not under the customer-managed key.'],
  },
  {
    name: 'test-migrated-under-the-planned-des',
    rule: 'LS-LND-001',
    bend: (f) => {
      testMigrated(f);
    },
    expected: [],
  },
  {
    name: 'test-migrated-named-by-its-job-is-verified',
    rule: 'LS-LND-004',
    bend: (f) => {
      testMigrated(f);
    },
    expected: [],
  },
  {
    name: 'test-vm-disk-under-platform-key',
    rule: 'LS-LND-001',
    bend: (f) => {
      const { disks } = testMigrated(f);
      (disks[0]!.properties as Json).encryption = { type: 'EncryptionAtRestWithPlatformKey' };
    },
    expected: ['Server SRV-1 test-migrated as VM srv-1-test with 1 disk under a platform-managed key (srv-1-test-disk0).'],
  },
  {
    name: 'test-vm-disk-under-another-des',
    rule: 'LS-LND-002',
    bend: (f) => {
      const { disks } = testMigrated(f);
      (disks[1]!.properties as Json).encryption = {
        type: 'EncryptionAtRestWithCustomerKey',
        diskEncryptionSetId: `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-other`,
      };
    },
    expected: ['Disk srv-1-test-disk1 of server SRV-1 (test VM srv-1-test) under disk encryption set des-other, not the one replication named (des-fixture).'],
  },
  {
    name: 'test-migration-job-does-not-name-the-vm',
    rule: 'LS-LND-004',
    bend: (f) => {
      testMigrated(f, 'unnamed');
    },
    expected: [
      'Server SRV-1 was test-migrated, but its test migration job (0f5e1c2a-test-migrate) does not name the test VM: Lockstep cannot check the disks it created.',
    ],
  },
  {
    name: 'test-migration-without-a-job',
    rule: 'LS-LND-004',
    bend: (f) => {
      testMigrated(f, 'none');
    },
    expected: [
      'Server SRV-1 was test-migrated, but Lockstep found no succeeded test migration job for it in its vault: it cannot tell which VM the test created.',
    ],
  },
  {
    name: 'test-vm-named-but-not-found',
    rule: 'LS-LND-004',
    bend: (f) => {
      const { vm } = testMigrated(f);
      f.remove(String(vm.id));
    },
    expected: ['Server SRV-1 was test-migrated as VM srv-1-test, which was not found or could not be read in its target resource group.'],
  },
  {
    name: 'landed-vm-not-in-the-capture',
    rule: 'LS-SRV-008',
    bend: (f) => {
      landed(f);
      f.remove(VM);
    },
    expected: ['Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: no VM named srv-1 was found in its target resource group.'],
  },
  {
    name: 'landed-vm-unreadable',
    rule: 'LS-SRV-008',
    bend: (f) => {
      landed(f);
      f.remove(VM);
      f.file.gaps = [{ scope: VM, operation: 'read the landed VM', status: 403, code: 'AuthorizationFailed', message: 'x' }];
    },
    expected: [
      'Lockstep cannot tell whether server SRV-1 will land under a customer-managed key: its landed VM srv-1 could not be read (read the landed VM failed: 403 AuthorizationFailed).',
    ],
  },
  // Policy
  {
    name: 'policy-deny-des-outside-the-allowed-set',
    rule: 'LS-POL-001',
    bend: (f) => {
      policyAssignment(f, { policy: 'allowedDes', effect: 'Deny', allowed: [`${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-other`] });
    },
    expected: [
      `Policy assignment 'Only approved disk encryption sets' (at Landing (${SUB})) denies disks outside its allowed disk encryption sets: it will refuse 2 disks of server SRV-1 (srv-1_disk0 and srv-1_disk1), so its replication or migration fails.`,
    ],
  },
  {
    name: 'policy-deny-with-the-des-allowed',
    rule: 'LS-POL-001',
    bend: (f) => {
      policyAssignment(f, { policy: 'allowedDes', effect: 'Deny', allowed: [DES] });
    },
    expected: [],
  },
  {
    name: 'policy-deny-not-enforced-acts-as-audit',
    rule: 'LS-POL-001',
    bend: (f) => {
      policyAssignment(f, { policy: 'allowedDes', effect: 'Deny', allowed: [], enforcementMode: 'DoNotEnforce' });
    },
    expected: [],
  },
  {
    name: 'policy-deny-excluded-scope',
    rule: 'LS-POL-001',
    bend: (f) => {
      policyAssignment(f, { policy: 'allowedDes', effect: 'Deny', allowed: [], notScopes: [`/subscriptions/${SUB}/resourceGroups/rg-app`] });
    },
    expected: [],
  },
  {
    name: 'policy-cmk-required-deny-on-a-disk-without-des',
    rule: 'LS-POL-001',
    bend: (f) => {
      delete f.details.protectedDisks[1].diskEncryptionSetId;
      policyAssignment(f, { policy: 'cmkRequired', effect: 'Deny' });
    },
    expected: [
      `Policy assignment 'Disks need a customer-managed key' (at Landing (${SUB})) denies disks without a customer-managed key: it will refuse 1 disk of server SRV-1 (srv-1_disk1), so its replication or migration fails.`,
    ],
  },
  {
    name: 'policy-audit-by-default',
    rule: 'LS-POL-002',
    bend: (f) => {
      policyAssignment(f, { policy: 'allowedDes', allowed: [`${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-other`] });
    },
    expected: [
      `Policy assignment 'Only approved disk encryption sets' (at Landing (${SUB})) audits disks outside its allowed disk encryption sets: 2 disks of server SRV-1 (srv-1_disk0 and srv-1_disk1) will be reported non-compliant.`,
    ],
  },
];

describe('agent-based, cross-tenant and Managed HSM chains', () => {
  it('judge an agent-based server (InMageRcm and InMageAzureV2) exactly as an agentless one', () => {
    for (const provider of ['InMageRcm', 'InMageAzureV2'] as const) {
      const f = healthy();
      asAgentBased(f, provider);
      const e = run(f);
      expect(e.findings).toEqual([]);
      expect(e.servers.map((s) => [s.name, s.verdict])).toEqual([['SRV-1', 'ready']]);
    }
  });

  it('do not count disaster recovery (A2A) items as servers', () => {
    const f = healthy();
    asAgentBased(f).properties.providerSpecificDetails.instanceType = 'A2A';
    expect(run(f).servers).toEqual([]);
  });

  it('keep a cross-tenant server unknown, never blocked on that ground alone', () => {
    const f = healthy();
    crossTenant(f);
    const e = run(f);
    expect(e.servers[0]!.verdict).toBe('unknown');
    expect(e.findings.filter((x) => x.severity === 'critical')).toEqual([]);
  });

  it('put a healthy Managed HSM chain at attention, never ready on faith; an HSM without purge protection blocks', () => {
    const f = healthy();
    onManagedHsm(f);
    const e = run(f);
    expect(e.servers[0]!.verdict).toBe('attention');
    expect(e.findings.map((x) => x.ruleId)).toEqual(['LS-DES-011']);
    const g = healthy();
    onManagedHsm(g).properties.enablePurgeProtection = false;
    expect(run(g).servers[0]!.verdict).toBe('blocked');
  });
});

describe('the healthy fixture', () => {
  it('passes every rule', () => {
    const e = run(healthy(), { requireDoubleEncryption: false });
    expect(e.findings).toEqual([]);
    expect(e.servers.map((s) => s.verdict)).toEqual(['ready']);
  });
});

describe.each(CASES)('$rule on $name', (c) => {
  it('gives exactly the expected messages', () => {
    const f = healthy();
    c.bend(f);
    expect(messages(run(f, c.settings), c.rule)).toEqual(c.expected);
  });
});

describe('the catalog', () => {
  it('has 43 rules with unique, well-formed ids, docs and remediation', () => {
    expect(RULES).toHaveLength(43);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^LS-(SRV|LND|POL|DES|KEY|KV)-\d{3}$/);
      expect(r.docs.length).toBeGreaterThan(0);
      expect(r.remediation.portal.length).toBeGreaterThan(0);
      expect(r.remediation.cli && r.remediation.powershell && r.remediation.bicep).toBeTruthy();
      expect(r.controls.length).toBeGreaterThan(0);
    }
  });

  it('has a fixture that fails every rule', () => {
    const covered = new Set(CASES.filter((c) => c.expected.length > 0).map((c) => c.rule));
    expect(RULES.filter((r) => !covered.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});

describe('verdicts', () => {
  it('ranks blocked > unprotected > unknown > attention > ready', () => {
    const f = healthy();
    delete f.details.protectedDisks[1].diskEncryptionSetId; // unprotected (high)
    f.vault.properties.enablePurgeProtection = false; // blocked (critical)
    expect(run(f).servers[0]!.verdict).toBe('blocked');
    const g = healthy();
    delete g.details.protectedDisks[1].diskEncryptionSetId;
    g.file.gaps = [{ scope: `/subscriptions/${SUB}`, operation: 'list role assignments', status: 403, code: 'AuthorizationFailed', message: 'x' }];
    expect(run(g).servers[0]!.verdict).toBe('unprotected');
    const h = healthy();
    h.file.gaps = [{ scope: `/subscriptions/${SUB}`, operation: 'list role assignments', status: 403, code: 'AuthorizationFailed', message: 'x' }];
    h.des.properties.rotationToLatestKeyVersionEnabled = false; // medium
    expect(run(h).servers[0]!.verdict).toBe('unknown');
    const i = healthy();
    i.des.properties.rotationToLatestKeyVersionEnabled = false;
    expect(run(i).servers[0]!.verdict).toBe('attention');
    const j = healthy();
    j.vault.properties.enableRbacAuthorization = false;
    j.vault.properties.accessPolicies = [{ objectId: PRINCIPAL, permissions: { keys: ['all'] } }];
    expect(run(j).servers[0]!.verdict).toBe('ready'); // low findings do not change the verdict
  });
});

describe('propagation', () => {
  it('attaches a vault finding to every server whose DES uses that vault, once', () => {
    const f = healthy();
    f.vault.properties.enablePurgeProtection = false;
    const second = structuredClone(f.item);
    second.id = ITEM.replace('srv-1', 'srv-2');
    second.name = 'srv-2';
    second.properties.machineName = 'SRV-2';
    f.add(second);
    const e = run(f);
    const purge = e.findings.filter((x) => x.ruleId === 'LS-KV-002');
    expect(purge).toHaveLength(1);
    expect(purge[0]!.resourceId).toBe(KV);
    expect(purge[0]!.serverIds).toEqual([ITEM, ITEM.replace('srv-1', 'srv-2')]);
    expect(e.servers.map((s) => [s.name, s.verdict, s.ruleIds])).toEqual([
      ['SRV-1', 'blocked', ['LS-KV-002']],
      ['SRV-2', 'blocked', ['LS-KV-002']],
    ]);
  });

  it('stands LS-DES-004 alone when the vault is gone: no key or access findings', () => {
    const f = healthy();
    f.remove(KV);
    expect(run(f).findings.map((x) => x.ruleId)).toEqual(['LS-DES-004']);
  });

  it('finds the vault by the key URL host when the DES has no sourceVault', () => {
    const f = healthy();
    delete f.des.properties.activeKey.sourceVault;
    f.vault.properties.enablePurgeProtection = false;
    expect(messages(run(f), 'LS-KV-002')).toHaveLength(1);
    f.des.properties.activeKey.keyUrl = `https://kv-elsewhere.vault.azure.net/keys/disk-key/${V_CUR}`;
    const e = run(f);
    expect(e.servers[0]!.verdict).toBe('unknown');
    expect(messages(e, 'LS-SRV-008')[0]).toContain('no captured key vault is named kv-elsewhere');
  });

  it('summarises verdicts', () => {
    expect(run(healthy()).summary).toEqual({ servers: 1, ready: 1, attention: 0, unknown: 0, unprotected: 0, blocked: 0 });
  });

  it('reads the clock only from its argument', () => {
    const f = healthy();
    f.keyVersion.properties.attributes.exp = NOW + 100 * DAY;
    expect(messages(run(f, {}, NOW), 'LS-KEY-004')).toEqual([]);
    expect(messages(run(f, {}, NOW + 80 * DAY), 'LS-KEY-004')).toEqual([`${KEY_LABEL} expires on 2027-03-09, in 20 days.`]);
  });
});

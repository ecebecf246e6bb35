/**
 * The Estate graph (DESIGN §4): plain objects with ids as links, built by `normalize` from an
 * estate file. Ids are kept as ARM wrote them; maps are keyed by the lower-cased id.
 * Tri-state fields are `boolean | undefined`: absent is not false.
 */
import type { ArmResource, EstateGap } from './file';

export interface Subscription {
  id: string;
  subscriptionId: string;
  displayName: string;
  state: string;
}

export interface MigrateProject {
  id: string;
  name: string;
  subscriptionId: string;
  location?: string;
  /** Recovery Services vault of its Server Migration solution, when known. */
  vaultId?: string;
}

export interface RecoveryVault {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  projectId?: string;
}

export interface ReplicatingDisk {
  diskId: string;
  name: string;
  isOsDisk?: boolean;
  sizeBytes?: number;
  diskType?: string;
  /** Target DES id as the item gives it; undefined when absent or empty. */
  desId?: string;
}

/** How Azure Migrate replicates a server: agentless (VMwareCbt) or agent-based (InMageRcm, classic InMageAzureV2). */
export type ReplicationMethod = 'agentless' | 'agent-based';

export interface ReplicatingServer {
  id: string;
  itemName: string;
  machineName: string;
  method: ReplicationMethod;
  /** The provider's `instanceType`: VMwareCbt, InMageRcm, InMageAzureV2. */
  provider: string;
  vaultId: string;
  projectId?: string;
  subscriptionId: string;
  migrationState?: string;
  migrationStateDescription?: string;
  health?: string;
  healthErrors: { code?: string; message?: string; action?: string }[];
  /** Normalised (`westeurope`); from the item, else its container mapping. */
  targetRegion?: string;
  targetSubscriptionId?: string;
  targetResourceGroupId?: string;
  vmName?: string;
  vmSize?: string;
  securityType?: string;
  osType?: string;
  osName?: string;
  seedingProgress?: number;
  /** undefined when the item reports no disk details. */
  disks?: ReplicatingDisk[];
  /** For a server whose migration completed: the VM it landed as and its managed disks, as read from the target group. */
  landed?: LandedVm;
  /** `testMigrateState` of an agentless item (TestMigrationSucceeded, TestMigrationInProgress, …). */
  testMigrateState?: string;
  /** For a server whose test migration succeeded: the job that ran it and, where the job names it, the test VM. */
  testMigration?: TestMigration;
}

export interface TestMigration {
  /** The replication job of the test migration, when the capture holds it. */
  jobId?: string;
  /** The test VM and its disks; undefined when no job names it. */
  vm?: LandedVm;
}

/** What a completed migration left in Azure, as ARM shows it. */
export interface LandedVm {
  /** The VM the item names (its target group and name). */
  vmId: string;
  /** False when the capture holds no such VM (it was not found, or could not be read: see the estate's gaps). */
  found: boolean;
  /** `securityProfile.encryptionAtHost`: temp disks and caches are encrypted only with it. */
  encryptionAtHost?: boolean;
  disks: LandedDisk[];
}

export interface LandedDisk {
  id: string;
  name: string;
  /** False when the VM names the disk but the capture holds it not. */
  found: boolean;
  /** `encryption.type`: EncryptionAtRestWithPlatformKey, …WithCustomerKey, …WithPlatformAndCustomerKeys. */
  encryptionType?: string;
  desId?: string;
}

export interface KeyUrlParts {
  /** Host without port, lower-cased: `kv-x.vault.azure.net`. */
  host: string;
  vaultName: string;
  keyName: string;
  version?: string;
}

export interface DiskEncryptionSet {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  identityType?: string;
  /** Every principal the DES can use (system-assigned, then user-assigned). */
  principalIds: string[];
  encryptionType?: string;
  keyUrl?: string;
  key?: KeyUrlParts;
  sourceVaultId?: string;
  /** The multi-tenant application a cross-tenant DES uses to reach a key in another tenant. */
  federatedClientId?: string;
  rotationToLatestKeyVersionEnabled?: boolean;
  autoKeyRotationError?: { code?: string; message?: string };
  provisioningState?: string;
  lastKeyRotationTimestamp?: string;
}

export interface AccessPolicy {
  objectId: string;
  keys: string[];
}

export interface KeyVault {
  id: string;
  name: string;
  /** A key vault (`Microsoft.KeyVault/vaults`) or a Managed HSM (`Microsoft.KeyVault/managedHSMs`), judged alike. */
  kind: 'vault' | 'managedHsm';
  provisioningState?: string;
  /** Managed HSM only: `securityDomainProperties.activationStatus` (Active, NotActivated, …). */
  securityDomainStatus?: string;
  /** Managed HSM only: `initialAdminObjectIds`, the administrators of its local RBAC at creation. */
  administrators?: string[];
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  sku?: string;
  enableSoftDelete?: boolean;
  enablePurgeProtection?: boolean;
  enableRbacAuthorization?: boolean;
  softDeleteRetentionInDays?: number;
  networkDefaultAction?: string;
  networkBypass?: string;
  /** The firewall's allow rules, kept so a repair of its bypass does not drop them. */
  ipRules?: { value: string }[];
  virtualNetworkRules?: { id: string; ignoreMissingVnetServiceEndpoint?: boolean }[];
  publicNetworkAccess?: string;
  accessPolicies: AccessPolicy[];
}

export interface KeyAttributes {
  enabled?: boolean;
  /** Unix seconds. */
  exp?: number;
  nbf?: number;
  created?: number;
}

export interface Key {
  id: string;
  name: string;
  vaultId: string;
  kty?: string;
  keySize?: number;
  attributes: KeyAttributes;
  /** Version in `keyUriWithVersion`: the current one. */
  currentVersion?: string;
  /** True when the rotation policy has a lifetime action of type rotate. */
  rotates?: boolean;
  /** The rotate action's `timeAfterCreate` (`P90D`), when it has one. */
  rotateAfter?: string;
  hasRotationPolicy: boolean;
}

export interface KeyVersion {
  id: string;
  keyId: string;
  version: string;
  kty?: string;
  keySize?: number;
  attributes: KeyAttributes;
}

export interface RoleAssignment {
  id: string;
  scope: string;
  principalId: string;
  roleDefinitionId: string;
}

export interface RolePermissionSet {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface RoleDefinition {
  id: string;
  name: string;
  roleName: string;
  builtIn: boolean;
  permissions: RolePermissionSet[];
}

export interface DiagnosticSetting {
  id: string;
  /** The resource it is on. */
  scope: string;
  logs: { category?: string; categoryGroup?: string; enabled?: boolean }[];
  workspaceId?: string;
}

export interface Lock {
  id: string;
  scope: string;
  level: string;
}

export type Lookup<T> = { state: 'found'; value: T } | { state: 'not-found'; id: string } | { state: 'unreadable'; id: string; reason: string };

export interface Estate {
  capturedAt: string;
  tenantId: string;
  tenantDisplayName?: string;
  subscriptions: Map<string, Subscription>;
  projects: MigrateProject[];
  recoveryVaults: RecoveryVault[];
  servers: ReplicatingServer[];
  diskEncryptionSets: Map<string, DiskEncryptionSet>;
  /** User-assigned managed identities by lower-cased id (a DES may use one instead of its own). */
  userAssignedIdentities: Map<string, UserAssignedIdentity>;
  keyVaults: Map<string, KeyVault>;
  keys: Map<string, Key>;
  keyVersions: Map<string, KeyVersion>;
  roleAssignments: RoleAssignment[];
  roleDefinitions: Map<string, RoleDefinition>;
  diagnosticSettings: DiagnosticSetting[];
  locks: Lock[];
  /** Azure Policy assignments of the two built-ins that guard customer-managed keys on managed disks. */
  policyAssignments: DiskPolicyAssignment[];
  gaps: EstateGap[];
  /** People the estate file names (object id → "Display Name (upn)"), to show who holds a role. */
  principals: Map<string, string>;
  /** Every raw resource by lower-cased id, for the JSON view. */
  raw: Map<string, ArmResource>;
}

export interface UserAssignedIdentity {
  id: string;
  name: string;
  /** The service principal's object id: what a role assignment names. */
  principalId?: string;
}

/** The built-in policies Lockstep judges replication against (their rules read from Azure/azure-policy). */
export const DISK_POLICIES = {
  /** "Managed disks should use a specific set of disk encryption sets for the customer-managed key encryption". */
  allowedDes: 'd461a302-a187-421a-89ac-84acdb4edc04',
  /** "OS and data disks should be encrypted with a customer-managed key". */
  cmkRequired: '702dd420-7fcc-42c5-afe8-4026edd20fe0',
} as const;

export interface DiskPolicyAssignment {
  id: string;
  name: string;
  displayName?: string;
  scope: string;
  notScopes: string[];
  policy: 'allowedDes' | 'cmkRequired';
  /** The effect as it will act: the parameter's value, else the definition's default (Audit); Deny under DoNotEnforce acts as Audit. */
  effect: 'Audit' | 'Deny' | 'Disabled';
  /** For allowedDes: the disk encryption sets a disk may use (lower-cased ids). */
  allowedEncryptionSets: string[];
}

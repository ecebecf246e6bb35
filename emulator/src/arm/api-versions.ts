/**
 * Stable api-versions ARM accepts per resource type: the ones the @azure/arm-* packages send and the
 * ones in the reference (azure-cmk-domain.md), plus the common older ones. Anything else is refused
 * with 400 InvalidApiVersionParameter, as ARM refuses it.
 */
const RESOURCES = [
  '2014-04-01-preview',
  '2015-01-01',
  '2015-11-01',
  '2016-02-01',
  '2016-06-01',
  '2016-07-01',
  '2016-09-01',
  '2017-05-10',
  '2018-02-01',
  '2018-05-01',
  '2019-05-01',
  '2019-05-10',
  '2019-07-01',
  '2019-08-01',
  '2019-06-01',
  '2019-10-01',
  '2019-11-01',
  '2020-01-01',
  '2020-06-01',
  '2021-01-01',
  '2021-04-01',
  '2022-09-01',
  '2022-12-01',
  '2023-07-01',
  '2024-03-01',
  '2024-07-01',
  '2024-11-01',
  '2025-03-01',
  '2025-04-01',
];
const COMPUTE_DISK = [
  '2019-07-01',
  '2019-11-01',
  '2020-05-01',
  '2020-06-30',
  '2020-09-30',
  '2020-12-01',
  '2021-04-01',
  '2021-08-01',
  '2021-12-01',
  '2022-03-02',
  '2022-07-02',
  '2023-01-02',
  '2023-04-02',
  '2023-10-02',
  '2024-03-02',
  '2025-01-02',
];
// Virtual machines: what arm-compute 24 sends (2026-03-01) and the versions before it that clients still use.
const COMPUTE_VM = ['2023-03-01', '2023-07-01', '2023-09-01', '2024-03-01', '2024-07-01', '2024-11-01', '2025-04-01', '2026-03-01'];
const KEYVAULT = ['2019-09-01', '2021-10-01', '2022-07-01', '2022-11-01', '2023-02-01', '2023-07-01', '2024-11-01', '2025-05-01', '2026-02-01'];
const RECOVERY_VAULTS = [
  '2016-06-01',
  '2021-01-01',
  '2022-10-01',
  '2023-01-01',
  '2023-04-01',
  '2023-06-01',
  '2023-08-01',
  '2024-01-01',
  '2024-02-01',
  '2024-04-01',
  '2024-10-01',
  '2025-01-01',
  '2025-02-01',
  '2025-08-01',
];
const SITE_RECOVERY = [
  '2018-01-10',
  '2018-07-10',
  '2021-02-10',
  '2021-06-01',
  '2021-11-01',
  '2022-01-01',
  '2022-03-01',
  '2022-05-01',
  '2022-09-10',
  '2022-10-01',
  '2023-01-01',
  '2023-02-01',
  '2023-04-01',
  '2023-06-01',
  '2023-08-01',
  '2024-01-01',
  '2024-02-01',
  '2024-04-01',
  '2024-10-01',
  '2025-01-01',
  '2025-02-01',
  '2025-08-01',
  '2026-01-01',
  '2026-02-01',
  '2026-05-01',
];
const MIGRATE = ['2018-09-01-preview', '2020-05-01', '2023-01-01'];
const AUTH_ASSIGNMENTS = ['2015-07-01', '2017-10-01-preview', '2018-01-01-preview', '2018-09-01-preview', '2020-04-01-preview', '2022-04-01'];
const AUTH_DEFINITIONS = ['2015-07-01', '2018-01-01-preview', '2022-04-01', '2022-05-01-preview'];
const LOCKS = ['2015-01-01', '2016-09-01', '2020-05-01'];
const MSI = ['2018-11-30', '2021-09-30-preview', '2023-01-31', '2024-11-30'];
const POLICY = ['2021-06-01', '2022-06-01', '2023-04-01', '2024-04-01', '2024-05-01', '2025-01-01', '2025-03-01'];
const DIAGNOSTICS = ['2017-05-01-preview', '2021-05-01-preview'];
const FEATURES = ['2015-12-01', '2021-07-01'];

/** By the type's canonical name, as the providers list shows it; looked up case-insensitively. */
const TABLE: Record<string, readonly string[]> = {
  'Microsoft.Resources/tenants': RESOURCES,
  'Microsoft.Resources/subscriptions': RESOURCES,
  'Microsoft.Resources/resourceGroups': RESOURCES,
  'Microsoft.Resources/resources': RESOURCES,
  'Microsoft.Resources/providers': RESOURCES,
  'Microsoft.Compute/diskEncryptionSets': COMPUTE_DISK,
  'Microsoft.Compute/diskEncryptionSets/associatedResources': COMPUTE_DISK,
  'Microsoft.Compute/locations/DiskOperations': COMPUTE_DISK,
  'Microsoft.Compute/locations/operations': COMPUTE_VM,
  'Microsoft.Compute/disks': COMPUTE_DISK,
  'Microsoft.Compute/virtualMachines': COMPUTE_VM,
  'Microsoft.KeyVault/vaults': KEYVAULT,
  'Microsoft.KeyVault/checkNameAvailability': KEYVAULT,
  'Microsoft.KeyVault/vaults/accessPolicies': KEYVAULT,
  'Microsoft.KeyVault/vaults/keys': KEYVAULT,
  'Microsoft.KeyVault/vaults/keys/versions': KEYVAULT,
  'Microsoft.KeyVault/locations/operationResults': KEYVAULT,
  'Microsoft.KeyVault/managedHSMs': KEYVAULT,
  'Microsoft.RecoveryServices/vaults': RECOVERY_VAULTS,
  'Microsoft.Migrate/migrateProjects': MIGRATE,
  'Microsoft.Migrate/migrateProjects/solutions': MIGRATE,
  'Microsoft.Authorization/roleAssignments': AUTH_ASSIGNMENTS,
  'Microsoft.Authorization/roleDefinitions': AUTH_DEFINITIONS,
  'Microsoft.Authorization/permissions': AUTH_DEFINITIONS,
  'Microsoft.Authorization/locks': LOCKS,
  'Microsoft.Authorization/policyAssignments': POLICY,
  'Microsoft.Authorization/policyDefinitions': POLICY,
  'Microsoft.ManagedIdentity/userAssignedIdentities': MSI,
  'Microsoft.Insights/diagnosticSettings': DIAGNOSTICS,
  'Microsoft.Features/providers/features': FEATURES,
};
const BY_LOWER = new Map(Object.entries(TABLE).map(([t, v]) => [t.toLowerCase(), v]));

export function supportedApiVersions(type: string): readonly string[] | undefined {
  const t = type.toLowerCase();
  const known = BY_LOWER.get(t);
  if (known) return known;
  // Every Site Recovery child of a Recovery Services vault shares the Site Recovery versions.
  if (t.startsWith('microsoft.recoveryservices/vaults/')) return SITE_RECOVERY;
  if (t.startsWith('microsoft.compute/locations/')) return COMPUTE_DISK;
  return undefined;
}

/** Every resource type the emulator serves with its api-versions, Site Recovery's vault children included. */
export function apiVersionTable(): [string, readonly string[]][] {
  const out: [string, readonly string[]][] = Object.entries(TABLE);
  for (const child of [
    'replicationFabrics',
    'replicationPolicies',
    'replicationMigrationItems',
    'replicationProtectedItems',
    'replicationProtectionContainerMappings',
    'replicationJobs',
  ]) {
    out.push([`Microsoft.RecoveryServices/vaults/${child}`, SITE_RECOVERY]);
  }
  return out;
}

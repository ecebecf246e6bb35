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
const DIAGNOSTICS = ['2017-05-01-preview', '2021-05-01-preview'];

const TABLE: Record<string, readonly string[]> = {
  'microsoft.resources/tenants': RESOURCES,
  'microsoft.resources/subscriptions': RESOURCES,
  'microsoft.resources/resourcegroups': RESOURCES,
  'microsoft.resources/resources': RESOURCES,
  'microsoft.resources/providers': RESOURCES,
  'microsoft.compute/diskencryptionsets': COMPUTE_DISK,
  'microsoft.compute/diskencryptionsets/associatedresources': COMPUTE_DISK,
  'microsoft.compute/locations/diskoperations': COMPUTE_DISK,
  'microsoft.compute/disks': COMPUTE_DISK,
  'microsoft.keyvault/vaults': KEYVAULT,
  'microsoft.keyvault/checknameavailability': KEYVAULT,
  'microsoft.keyvault/vaults/accesspolicies': KEYVAULT,
  'microsoft.keyvault/vaults/keys': KEYVAULT,
  'microsoft.keyvault/vaults/keys/versions': KEYVAULT,
  'microsoft.keyvault/locations/operationresults': KEYVAULT,
  'microsoft.keyvault/managedhsms': KEYVAULT,
  'microsoft.recoveryservices/vaults': RECOVERY_VAULTS,
  'microsoft.migrate/migrateprojects': MIGRATE,
  'microsoft.migrate/migrateprojects/solutions': MIGRATE,
  'microsoft.authorization/roleassignments': AUTH_ASSIGNMENTS,
  'microsoft.authorization/roledefinitions': AUTH_DEFINITIONS,
  'microsoft.authorization/permissions': AUTH_DEFINITIONS,
  'microsoft.authorization/locks': LOCKS,
  'microsoft.managedidentity/userassignedidentities': MSI,
  'microsoft.insights/diagnosticsettings': DIAGNOSTICS,
};

export function supportedApiVersions(type: string): readonly string[] | undefined {
  const t = type.toLowerCase();
  if (TABLE[t]) return TABLE[t];
  // Every Site Recovery child of a Recovery Services vault shares the Site Recovery versions.
  if (t.startsWith('microsoft.recoveryservices/vaults/')) return SITE_RECOVERY;
  if (t.startsWith('microsoft.compute/locations/')) return COMPUTE_DISK;
  return undefined;
}

/** Canonical type names, for the providers list (`Microsoft.Compute/diskEncryptionSets`, not lower case). */
const CANONICAL: Record<string, string> = {
  'microsoft.compute/diskencryptionsets': 'Microsoft.Compute/diskEncryptionSets',
  'microsoft.compute/disks': 'Microsoft.Compute/disks',
  'microsoft.compute/locations/diskoperations': 'Microsoft.Compute/locations/DiskOperations',
  'microsoft.keyvault/vaults': 'Microsoft.KeyVault/vaults',
  'microsoft.keyvault/vaults/keys': 'Microsoft.KeyVault/vaults/keys',
  'microsoft.keyvault/vaults/keys/versions': 'Microsoft.KeyVault/vaults/keys/versions',
  'microsoft.keyvault/vaults/accesspolicies': 'Microsoft.KeyVault/vaults/accessPolicies',
  'microsoft.keyvault/managedhsms': 'Microsoft.KeyVault/managedHSMs',
  'microsoft.keyvault/checknameavailability': 'Microsoft.KeyVault/checkNameAvailability',
  'microsoft.keyvault/locations/operationresults': 'Microsoft.KeyVault/locations/operationResults',
  'microsoft.recoveryservices/vaults': 'Microsoft.RecoveryServices/vaults',
  'microsoft.migrate/migrateprojects': 'Microsoft.Migrate/migrateProjects',
  'microsoft.migrate/migrateprojects/solutions': 'Microsoft.Migrate/migrateProjects/solutions',
  'microsoft.authorization/roleassignments': 'Microsoft.Authorization/roleAssignments',
  'microsoft.authorization/roledefinitions': 'Microsoft.Authorization/roleDefinitions',
  'microsoft.authorization/permissions': 'Microsoft.Authorization/permissions',
  'microsoft.authorization/locks': 'Microsoft.Authorization/locks',
  'microsoft.managedidentity/userassignedidentities': 'Microsoft.ManagedIdentity/userAssignedIdentities',
  'microsoft.insights/diagnosticsettings': 'Microsoft.Insights/diagnosticSettings',
  'microsoft.resources/resourcegroups': 'Microsoft.Resources/resourceGroups',
  'microsoft.resources/subscriptions': 'Microsoft.Resources/subscriptions',
  'microsoft.resources/tenants': 'Microsoft.Resources/tenants',
  'microsoft.resources/resources': 'Microsoft.Resources/resources',
  'microsoft.resources/providers': 'Microsoft.Resources/providers',
};

/** Every resource type the emulator serves with its api-versions, Site Recovery's vault children included. */
export function apiVersionTable(): [string, readonly string[]][] {
  const out: [string, readonly string[]][] = Object.entries(TABLE).map(([t, v]) => [CANONICAL[t] ?? t, v]);
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

/**
 * Built-in Azure roles that matter for key access, with their real ids, actions and data actions
 * (learn.microsoft.com/azure/role-based-access-control/built-in-roles). Lockstep knows them without
 * an estate listing them; the emulator serves them as ARM does.
 */

export interface RolePermission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface BuiltInRole {
  id: string;
  roleName: string;
  description: string;
  permissions: RolePermission[];
}

const KEY_VAULT_MANAGEMENT_READ = [
  'Microsoft.Authorization/*/read',
  'Microsoft.Insights/alertRules/*',
  'Microsoft.Resources/deployments/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Support/*',
  'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read',
  'Microsoft.KeyVault/locations/*/read',
  'Microsoft.KeyVault/vaults/*/read',
  'Microsoft.KeyVault/operations/read',
];

function perm(p: Partial<RolePermission>): RolePermission[] {
  return [{ actions: p.actions ?? [], notActions: p.notActions ?? [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] }];
}

export const ROLE_IDS = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  keyVaultAdministrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  keyVaultCryptoOfficer: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
  keyVaultCryptoServiceEncryptionUser: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424',
  keyVaultReader: '21090545-7ca7-4776-b22c-e363652d74d2',
  siteRecoveryContributor: '6670b86e-a3f7-4917-ac9b-5d6ab1be4567',
  resourcePolicyContributor: '36243c78-bf99-498c-9df9-86d9f8d28608',
} as const;

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    id: ROLE_IDS.owner,
    roleName: 'Owner',
    description: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    permissions: perm({ actions: ['*'] }),
  },
  {
    id: ROLE_IDS.contributor,
    roleName: 'Contributor',
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    permissions: perm({
      actions: ['*'],
      notActions: [
        'Microsoft.Authorization/*/Delete',
        'Microsoft.Authorization/*/Write',
        'Microsoft.Authorization/elevateAccess/Action',
        'Microsoft.Blueprint/blueprintAssignments/write',
        'Microsoft.Blueprint/blueprintAssignments/delete',
        'Microsoft.Compute/galleries/share/action',
        'Microsoft.Purview/consents/write',
        'Microsoft.Purview/consents/delete',
        'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
        'Microsoft.Subscription/cancel/action',
        'Microsoft.Subscription/enable/action',
      ],
    }),
  },
  {
    id: ROLE_IDS.reader,
    roleName: 'Reader',
    description: 'View all resources, but does not allow you to make any changes.',
    permissions: perm({ actions: ['*/read'] }),
  },
  {
    id: ROLE_IDS.userAccessAdministrator,
    roleName: 'User Access Administrator',
    description: 'Lets you manage user access to Azure resources.',
    permissions: perm({ actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'] }),
  },
  {
    id: ROLE_IDS.keyVaultAdministrator,
    roleName: 'Key Vault Administrator',
    description:
      "Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    permissions: perm({ actions: KEY_VAULT_MANAGEMENT_READ, dataActions: ['Microsoft.KeyVault/vaults/*'] }),
  },
  {
    id: ROLE_IDS.keyVaultCryptoOfficer,
    roleName: 'Key Vault Crypto Officer',
    description:
      "Perform any action on the keys of a key vault, except manage permissions. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    permissions: perm({
      actions: KEY_VAULT_MANAGEMENT_READ,
      dataActions: ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'],
    }),
  },
  {
    id: ROLE_IDS.keyVaultCryptoServiceEncryptionUser,
    roleName: 'Key Vault Crypto Service Encryption User',
    description:
      "Read metadata of keys and perform wrap/unwrap operations. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    permissions: perm({
      actions: ['Microsoft.EventGrid/eventSubscriptions/write', 'Microsoft.EventGrid/eventSubscriptions/read', 'Microsoft.EventGrid/eventSubscriptions/delete'],
      dataActions: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'],
    }),
  },
  {
    id: ROLE_IDS.keyVaultCryptoUser,
    roleName: 'Key Vault Crypto User',
    description: "Perform cryptographic operations using keys. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    permissions: perm({
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/read',
        'Microsoft.KeyVault/vaults/keys/update/action',
        'Microsoft.KeyVault/vaults/keys/backup/action',
        'Microsoft.KeyVault/vaults/keys/encrypt/action',
        'Microsoft.KeyVault/vaults/keys/decrypt/action',
        'Microsoft.KeyVault/vaults/keys/wrap/action',
        'Microsoft.KeyVault/vaults/keys/unwrap/action',
        'Microsoft.KeyVault/vaults/keys/sign/action',
        'Microsoft.KeyVault/vaults/keys/verify/action',
      ],
    }),
  },
  {
    id: ROLE_IDS.keyVaultReader,
    roleName: 'Key Vault Reader',
    description:
      "Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    permissions: perm({
      actions: KEY_VAULT_MANAGEMENT_READ,
      dataActions: ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
    }),
  },
  {
    // What a governance team holds: it may assign Azure Policy (the guard), not change resources.
    id: ROLE_IDS.resourcePolicyContributor,
    roleName: 'Resource Policy Contributor',
    description: 'Users with rights to create/modify resource policy, create support ticket and read resources/hierarchy.',
    permissions: perm({
      actions: [
        '*/read',
        'Microsoft.Authorization/policyassignments/*',
        'Microsoft.Authorization/policydefinitions/*',
        'Microsoft.Authorization/policyexemptions/*',
        'Microsoft.Authorization/policysetdefinitions/*',
        'Microsoft.PolicyInsights/*',
        'Microsoft.Support/*',
      ],
    }),
  },
  {
    // What a migration team holds on the Azure Migrate project's vault: it may stop and start replication (the
    // replicationFabrics/* actions) but not create disk encryption sets or grant access to keys.
    id: ROLE_IDS.siteRecoveryContributor,
    roleName: 'Site Recovery Contributor',
    description: 'Lets you manage Site Recovery service except vault creation and role assignment',
    permissions: perm({
      actions: [
        'Microsoft.Authorization/*/read',
        'Microsoft.Insights/alertRules/*',
        'Microsoft.Network/virtualNetworks/read',
        'Microsoft.RecoveryServices/locations/allocatedStamp/read',
        'Microsoft.RecoveryServices/locations/allocateStamp/action',
        'Microsoft.RecoveryServices/Vaults/certificates/write',
        'Microsoft.RecoveryServices/Vaults/extendedInformation/*',
        'Microsoft.RecoveryServices/Vaults/read',
        'Microsoft.RecoveryServices/Vaults/refreshContainers/read',
        'Microsoft.RecoveryServices/Vaults/registeredIdentities/*',
        'Microsoft.RecoveryServices/vaults/replicationAlertSettings/*',
        'Microsoft.RecoveryServices/vaults/replicationEvents/read',
        'Microsoft.RecoveryServices/vaults/replicationFabrics/*',
        'Microsoft.RecoveryServices/vaults/replicationJobs/*',
        'Microsoft.RecoveryServices/vaults/replicationPolicies/*',
        'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans/*',
        'Microsoft.RecoveryServices/Vaults/storageConfig/*',
        'Microsoft.RecoveryServices/Vaults/tokenInfo/read',
        'Microsoft.RecoveryServices/Vaults/usages/read',
        'Microsoft.RecoveryServices/Vaults/vaultTokens/read',
        'Microsoft.RecoveryServices/Vaults/monitoringAlerts/*',
        'Microsoft.RecoveryServices/Vaults/monitoringConfigurations/notificationConfiguration/read',
        'Microsoft.ResourceHealth/availabilityStatuses/read',
        'Microsoft.Resources/deployments/*',
        'Microsoft.Resources/subscriptions/resourceGroups/read',
        'Microsoft.Storage/storageAccounts/read',
        'Microsoft.Support/*',
      ],
    }),
  },
];

/** `Microsoft.Compute/*` matches `Microsoft.Compute/diskEncryptionSets/read`; ARM compares case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
    'i',
  );
  return re.test(action);
}

/** True when one permission block grants `action`: some action matches and no notAction does. */
export function permissionAllows(p: Pick<RolePermission, 'actions' | 'notActions'>, action: string): boolean {
  return p.actions.some((a) => actionMatches(a, action)) && !p.notActions.some((a) => actionMatches(a, action));
}

/** Data-plane counterpart: dataActions minus notDataActions. */
export function permissionAllowsData(p: Pick<RolePermission, 'dataActions' | 'notDataActions'>, dataAction: string): boolean {
  return p.dataActions.some((a) => actionMatches(a, dataAction)) && !p.notDataActions.some((a) => actionMatches(a, dataAction));
}

/** The built-in roles that include a control-plane action, most specific last ("Owner, User Access Administrator"). */
export function rolesGranting(action: string): string[] {
  return BUILT_IN_ROLES.filter((r) => r.permissions.some((p) => permissionAllows(p, action))).map((r) => r.roleName);
}

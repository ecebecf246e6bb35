import type { DesSubject, Rule } from '../types';
import { DOCS } from './docs';

type DesRule = Rule<DesSubject>;
const of = (s: DesSubject) => s.des.id;
const vaultName = (s: DesSubject) => (s.vault.state === 'found' ? s.vault.value.name : (s.des.key?.vaultName ?? 'its key vault'));

export const desRules: DesRule[] = [
  {
    id: 'LS-DES-001',
    name: 'Des.ProvisioningFailed',
    subject: 'des',
    severity: 'critical',
    resourceOf: of,
    title: 'Disk encryption set failed to provision',
    synopsis: 'A DES in the Failed state cannot encrypt disks.',
    rationale: 'Replication and migration that name a failed DES fail when Azure creates the disks.',
    remediation: {
      summary: 'Fix the cause (usually key access) and update the DES, or create a new one.',
      portal: ['Open the disk encryption set', 'Check the activity log for the failure', 'Fix key access, then select the key again and Save'],
      cli: 'az disk-encryption-set update --name <des> --resource-group <rg> --key-url <versioned-key-url>',
      powershell: 'Update-AzDiskEncryptionSet -Name <des> -ResourceGroupName <rg> -KeyUrl <versioned-key-url>',
      bicep: "resource des 'Microsoft.Compute/diskEncryptionSets@2025-01-02' = { /* redeploy with a reachable key */ }",
    },
    docs: [DOCS.cmkPortal],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (s) =>
      s.des.provisioningState?.toLowerCase() === 'failed' ? [`Disk encryption set ${s.des.name} failed to provision (provisioningState Failed).`] : [],
  },
  {
    id: 'LS-DES-002',
    name: 'Des.NoIdentity',
    subject: 'des',
    severity: 'critical',
    resourceOf: of,
    title: 'Disk encryption set has no managed identity',
    synopsis: 'A DES reaches its key through a managed identity; without one it cannot wrap or unwrap.',
    rationale: 'With identity type None, or no principal id, Azure Disk Storage cannot authenticate to the key vault: disks cannot be created or read.',
    remediation: {
      summary: 'Give the DES a system-assigned (or user-assigned) identity, then grant it key access.',
      portal: [
        'Open the disk encryption set → Identity',
        'Turn system-assigned identity On and Save',
        'Grant the identity Key Vault Crypto Service Encryption User on the vault',
      ],
      cli: 'az disk-encryption-set update --name <des> --resource-group <rg> --mi-system-assigned true',
      powershell: 'Update-AzDiskEncryptionSet -Name <des> -ResourceGroupName <rg> -IdentityType SystemAssigned',
      bicep: "identity: { type: 'SystemAssigned' }",
    },
    docs: [DOCS.cmkPortal],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'ISO27001:2022/A.5.15', 'GDPR/Art.32(1)(b)'],
    evaluate: (s) =>
      s.des.principalIds.length === 0
        ? [
            `Disk encryption set ${s.des.name} has no managed identity${s.des.identityType ? ` (identity type ${s.des.identityType})` : ''}, so it cannot reach its key in ${vaultName(s)}.`,
          ]
        : [],
  },
  {
    id: 'LS-DES-003',
    name: 'Des.KeyAccessMissing',
    subject: 'des',
    severity: 'critical',
    fix: "Grants the disk encryption set's identity access to its key (a role assignment, or an access policy), then reads the grant back.",
    resourceOf: of,
    title: 'Disk encryption set cannot use its key',
    synopsis: 'The DES identity needs get, wrapKey and unwrapKey on its key.',
    rationale: 'Without them Azure Disk Storage cannot wrap the disk keys: replication and migration fail with KeyVaultAccessForbidden and VMs cannot start.',
    remediation: {
      summary:
        'RBAC vault: assign Key Vault Crypto Service Encryption User to the DES identity on the vault or key. Access-policy vault: add an access policy with get, wrapKey and unwrapKey.',
      portal: [
        'Open the key vault → Access control (IAM) → Add role assignment',
        'Role: Key Vault Crypto Service Encryption User',
        'Members: Managed identity → the disk encryption set, then Review + assign',
      ],
      cli: 'az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id <des-principal-id> --assignee-principal-type ServicePrincipal --scope <vault-id>\n# access-policy vault:\naz keyvault set-policy --name <vault> --object-id <des-principal-id> --key-permissions get wrapKey unwrapKey',
      powershell:
        'New-AzRoleAssignment -ObjectId <des-principal-id> -RoleDefinitionName "Key Vault Crypto Service Encryption User" -Scope <vault-id>\n# access-policy vault:\nSet-AzKeyVaultAccessPolicy -VaultName <vault> -ObjectId <des-principal-id> -PermissionsToKeys get,wrapKey,unwrapKey',
      bicep:
        "resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = { scope: kv, name: guid(kv.id, des.id, 'e147488a-f6f5-4113-8e2d-b22465e65bf6'), properties: { roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'e147488a-f6f5-4113-8e2d-b22465e65bf6'), principalId: des.identity.principalId, principalType: 'ServicePrincipal' } }",
    },
    docs: [DOCS.rbacGuide, DOCS.accessPolicy, DOCS.cmkCli],
    controls: [
      'ISO27001:2022/A.8.24',
      'NEN7510:2024/8.24',
      'GDPR/Art.32(1)(a)',
      'PCI-DSS:4.0.1/3.6-3.7',
      'HIPAA/164.312(a)(2)(iv)',
      'NIS2/Art.21(2)(h)',
      'ISO27001:2022/A.5.15',
      'GDPR/Art.32(1)(b)',
    ],
    evaluate: (s) => (s.access.state === 'missing' ? [`Disk encryption set ${s.des.name} cannot unwrap keys in ${vaultName(s)}: ${s.access.detail}`] : []),
  },
  {
    id: 'LS-DES-004',
    name: 'Des.VaultNotFound',
    subject: 'des',
    severity: 'critical',
    resourceOf: of,
    title: 'Key vault of the disk encryption set does not exist',
    synopsis: 'The vault named by the DES must exist.',
    rationale: 'If the vault was deleted (or never existed) the key is gone with it: nothing encrypted by this DES can be read.',
    remediation: {
      summary: 'Recover the deleted vault (soft delete) or point the DES at a key in an existing vault.',
      portal: ['Key vaults → Manage deleted vaults → Recover', 'Or open the DES → Key → select a key in an existing vault'],
      cli: 'az keyvault recover --name <vault>',
      powershell: 'Undo-AzKeyVaultRemoval -VaultName <vault> -ResourceGroupName <rg> -Location <region>',
      bicep: "properties: { activeKey: { keyUrl: '<versioned key url in an existing vault>', sourceVault: { id: kv.id } } }",
    },
    docs: [DOCS.softDelete],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (s) =>
      s.vault.state === 'not-found' ? [`Disk encryption set ${s.des.name} points to key vault ${vaultName(s)} (${s.vault.id}), which does not exist.`] : [],
  },
  {
    id: 'LS-DES-005',
    name: 'Des.VaultRegionMismatch',
    subject: 'des',
    severity: 'critical',
    resourceOf: of,
    title: 'Key vault is in another region',
    synopsis: 'The key vault must be in the same region as the DES.',
    rationale: 'Azure does not let a DES use a key in a vault in another region.',
    remediation: {
      summary: "Use a key in a vault in the DES's region (create one if needed).",
      portal: ['Create a key vault in the DES region (purge protection on)', 'Generate an RSA key', 'Open the DES → Key → select the new key'],
      cli: 'az keyvault create --name <vault> --resource-group <rg> --location <des-region> --enable-purge-protection true',
      powershell: 'New-AzKeyVault -Name <vault> -ResourceGroupName <rg> -Location <des-region> -EnablePurgeProtection',
      bicep: "resource kv 'Microsoft.KeyVault/vaults@2026-02-01' = { location: des.location /* … */ }",
    },
    docs: [DOCS.desRestrictions],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (s) =>
      s.vault.state === 'found' && s.vault.value.location && s.des.location && s.vault.value.location !== s.des.location
        ? [
            `Disk encryption set ${s.des.name} is in ${s.des.location} but its key vault ${s.vault.value.name} is in ${s.vault.value.location}; they must be in the same region.`,
          ]
        : [],
  },
  {
    id: 'LS-DES-006',
    name: 'Des.AutoRotationOff',
    subject: 'des',
    severity: 'medium',
    fix: 'Turns on automatic key rotation for the disk encryption set, then reads it back.',
    resourceOf: of,
    title: 'Disk encryption set does not follow new key versions',
    synopsis: "Automatic key rotation keeps the DES on the key's current version.",
    rationale:
      'With rotationToLatestKeyVersionEnabled off, a rotated key is not picked up: disks stay on the old version until someone updates the DES by hand.',
    remediation: {
      summary: 'Enable automatic key rotation on the DES.',
      portal: ['Open the disk encryption set → Key', 'Select "Auto key rotation" and Save'],
      cli: 'az disk-encryption-set update --name <des> --resource-group <rg> --enable-auto-key-rotation true',
      powershell: 'Update-AzDiskEncryptionSet -Name <des> -ResourceGroupName <rg> -RotationToLatestKeyVersionEnabled $true',
      bicep: 'properties: { rotationToLatestKeyVersionEnabled: true }',
    },
    docs: [DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'PCI-DSS:4.0.1/3.6-3.7', 'NIS2/Art.21(2)(h)'],
    evaluate: (s) =>
      s.des.rotationToLatestKeyVersionEnabled === true
        ? []
        : [
            `Disk encryption set ${s.des.name} does not follow new key versions automatically (rotationToLatestKeyVersionEnabled is ${s.des.rotationToLatestKeyVersionEnabled === false ? 'off' : 'not set'}).`,
          ],
  },
  {
    id: 'LS-DES-007',
    name: 'Des.AutoRotationError',
    subject: 'des',
    severity: 'high',
    resourceOf: of,
    title: 'Automatic key rotation has stopped',
    synopsis: 'An autoKeyRotationError stops automatic rotation until it is fixed.',
    rationale: 'Azure does not attempt rotation again until the error is resolved, so the DES silently stays on an old key version.',
    remediation: {
      summary: 'Fix the cause named in the error (often a missing identity or key access), then update the DES.',
      portal: ['Open the disk encryption set; read the rotation error', 'Fix identity or key access', 'Save the DES again to clear the error'],
      cli: 'az disk-encryption-set update --name <des> --resource-group <rg> --key-url <versioned-key-url> --enable-auto-key-rotation true',
      powershell: 'Update-AzDiskEncryptionSet -Name <des> -ResourceGroupName <rg> -KeyUrl <versioned-key-url> -RotationToLatestKeyVersionEnabled $true',
      bicep: "identity: { type: 'SystemAssigned' }, properties: { rotationToLatestKeyVersionEnabled: true }",
    },
    docs: [DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'PCI-DSS:4.0.1/3.6-3.7'],
    evaluate: (s) => {
      const e = s.des.autoKeyRotationError;
      return e ? [`Automatic key rotation of disk encryption set ${s.des.name} has stopped: ${e.code ?? 'error'}${e.message ? `: ${e.message}` : ''}`] : [];
    },
  },
  {
    id: 'LS-DES-008',
    name: 'Des.DoubleEncryptionRequired',
    subject: 'des',
    severity: 'medium',
    resourceOf: of,
    title: 'Double encryption required',
    synopsis: 'This engagement requires platform and customer keys together.',
    rationale:
      'Double encryption adds an infrastructure layer with a platform key under the customer key; some regulated workloads require it. The encryption type of a DES cannot be changed.',
    remediation: {
      summary: 'Create a new DES with encryption type EncryptionAtRestWithPlatformAndCustomerKeys and replicate with it.',
      portal: ['Create a disk encryption set', 'Encryption type: "Double encryption with platform-managed and customer-managed keys"'],
      cli: 'az disk-encryption-set create --name <des> --resource-group <rg> --key-url <versioned-key-url> --source-vault <vault-id> --encryption-type EncryptionAtRestWithPlatformAndCustomerKeys',
      powershell:
        'New-AzDiskEncryptionSetConfig -Location <region> -KeyUrl <versioned-key-url> -SourceVaultId <vault-id> -IdentityType SystemAssigned -EncryptionType EncryptionAtRestWithPlatformAndCustomerKeys | New-AzDiskEncryptionSet -Name <des> -ResourceGroupName <rg>',
      bicep: "properties: { encryptionType: 'EncryptionAtRestWithPlatformAndCustomerKeys' }",
    },
    docs: [DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'NIS2/Art.21(2)(h)'],
    evaluate: (s, ctx) =>
      ctx.settings.requireDoubleEncryption && s.des.encryptionType !== 'EncryptionAtRestWithPlatformAndCustomerKeys'
        ? [
            `Disk encryption set ${s.des.name} uses single encryption (${s.des.encryptionType ?? 'type not set'}); this engagement requires double encryption with platform and customer keys.`,
          ]
        : [],
  },
  {
    id: 'LS-DES-009',
    name: 'Des.StaleKeyVersion',
    subject: 'des',
    severity: 'medium',
    fix: 'Moves the disk encryption set to the current version of its key, then reads it back.',
    resourceOf: of,
    title: 'Disk encryption set uses an older key version',
    synopsis: "The DES should use the key's current version.",
    rationale: 'After a rotation, a DES that stays on the old version keeps data under a key that was meant to retire.',
    remediation: {
      summary: 'Update the DES to the current key version, and enable automatic rotation.',
      portal: ['Open the disk encryption set → Key', 'Select the current version (or enable auto key rotation) and Save'],
      cli: 'az disk-encryption-set update --name <des> --resource-group <rg> --key-url <current-versioned-key-url>',
      powershell: 'Update-AzDiskEncryptionSet -Name <des> -ResourceGroupName <rg> -KeyUrl <current-versioned-key-url>',
      bicep: 'properties: { activeKey: { keyUrl: kvKey.properties.keyUriWithVersion } }',
    },
    docs: [DOCS.rotation],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'PCI-DSS:4.0.1/3.6-3.7'],
    evaluate: (s) => {
      const u = s.keyUse;
      if (!u || !s.versionExists || !u.version || !u.key.currentVersion || u.version.toLowerCase() === u.key.currentVersion.toLowerCase()) return [];
      return [`Disk encryption set ${s.des.name} uses an older version (${u.version}) of key ${u.key.name}; the current version is ${u.key.currentVersion}.`];
    },
  },
  {
    id: 'LS-DES-010',
    name: 'Des.CrossTenantKeyUnverified',
    subject: 'des',
    severity: 'medium',
    effect: 'unknown',
    resourceOf: of,
    title: 'Key in another tenant cannot be verified from this one',
    synopsis: 'A cross-tenant DES reaches a key in another tenant through a multi-tenant application; this tenant cannot see that vault.',
    rationale:
      "Whether the key's vault has purge protection, whether the key is enabled and unexpired, and whether the application may wrap and unwrap with it are facts of the other tenant. Lockstep does not assume them: the servers stay unknown until someone who can read that tenant has checked.",
    remediation: {
      summary:
        "In the key's tenant, check the vault's soft delete and purge protection, the key's state and expiry, and that the application's service principal holds Key Vault Crypto Service Encryption User on the key.",
      portal: [
        "Sign in to the key's tenant",
        'Open the key vault → Properties: soft delete and purge protection on',
        'Keys → the key: enabled, not expired',
        'Access control (IAM): the multi-tenant application has Key Vault Crypto Service Encryption User',
      ],
      cli: '# signed in to the key\'s tenant (az login --tenant <key-tenant>)\naz keyvault show --name <vault> --query "properties.{softDelete:enableSoftDelete,purgeProtection:enablePurgeProtection}"\naz keyvault key show --vault-name <vault> --name <key> --query attributes\naz role assignment list --scope $(az keyvault show --name <vault> --query id -o tsv)/keys/<key> --assignee <application-id>',
      powershell:
        "Connect-AzAccount -Tenant <key-tenant>\nGet-AzKeyVault -VaultName <vault> | Select-Object EnableSoftDelete, EnablePurgeProtection\nGet-AzKeyVaultKey -VaultName <vault> -Name <key>\nGet-AzRoleAssignment -Scope ((Get-AzKeyVault -VaultName <vault>).ResourceId + '/keys/<key>') -ServicePrincipalName <application-id>",
      bicep: "// deployed in the key's tenant: the vault with enablePurgeProtection: true and a role assignment for the application's service principal",
    },
    docs: [DOCS.crossTenant, DOCS.softDelete],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)'],
    evaluate: (s) =>
      s.crossTenant
        ? [
            `Disk encryption set ${s.des.name} uses key ${s.crossTenant.keyName ?? '(unnamed)'} in vault ${s.crossTenant.vaultName} (${s.crossTenant.host}), which is in another tenant, through multi-tenant application ${s.crossTenant.applicationId}: this tenant cannot see that vault's purge protection, the key's state or the grant. Verify them signed in to the key's tenant (az keyvault show --name ${s.crossTenant.vaultName}; az keyvault key show --vault-name ${s.crossTenant.vaultName} --name ${s.crossTenant.keyName ?? '<key>'}; az role assignment list on the key for application ${s.crossTenant.applicationId}).`,
          ]
        : [],
  },
  {
    id: 'LS-DES-011',
    name: 'Des.ManagedHsmAccessUnverified',
    subject: 'des',
    severity: 'medium',
    effect: 'unverifiable',
    resourceOf: of,
    title: 'Access to a Managed HSM key cannot be verified through ARM',
    synopsis: 'A Managed HSM keeps its keys and its role assignments in its own data plane, which ARM does not show.',
    rationale:
      "ARM shows the HSM's purge protection, soft delete, network and security domain, and Lockstep judges those as it judges a vault. Whether the DES identity holds Managed HSM Crypto Service Encryption User on the key, and whether the key is enabled and unexpired, are visible only to the HSM itself: the servers are at best 'attention' until that is checked, never ready on faith.",
    remediation: {
      summary:
        "Check the DES identity's local role on the key and the key's attributes with the HSM's own commands; grant Managed HSM Crypto Service Encryption User if it is missing.",
      portal: [
        'Open the Managed HSM → Local RBAC',
        "Check that the disk encryption set's identity has Managed HSM Crypto Service Encryption User on /keys/<key>",
        'Keys are managed with the Azure CLI or PowerShell',
      ],
      cli: 'az keyvault role assignment list --hsm-name <hsm> --scope /keys/<key> --assignee <des-principal-id>\naz keyvault key show --hsm-name <hsm> --name <key> --query attributes\n# grant if missing:\naz keyvault role assignment create --hsm-name <hsm> --role "Managed HSM Crypto Service Encryption User" --scope /keys/<key> --assignee-object-id <des-principal-id> --assignee-principal-type ServicePrincipal',
      powershell: 'Get-AzKeyVaultRoleAssignment -HsmName <hsm> -Scope /keys/<key> -ObjectId <des-principal-id>\nGet-AzKeyVaultKey -HsmName <hsm> -Name <key>',
      bicep: '// local RBAC on a Managed HSM is data plane: assign it with az keyvault role assignment create',
    },
    docs: [DOCS.managedHsm, DOCS.cmkCli],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'ISO27001:2022/A.5.15', 'GDPR/Art.32(1)(b)'],
    evaluate: (s, ctx) => {
      if (s.keyStore !== 'managedHsm' || s.vault.state !== 'found' || s.access.state !== 'unverifiable') return [];
      void ctx;
      return [
        `Disk encryption set ${s.des.name} uses key ${s.des.key?.keyName ?? '(unnamed)'} in Managed HSM ${s.vault.value.name}: its identity's access to the key and the key's state are not verifiable through ARM. Check with: ${s.access.command} (expect Managed HSM Crypto Service Encryption User), and az keyvault key show --hsm-name ${s.vault.value.name} --name ${s.des.key?.keyName ?? '<key>'}.`,
      ];
    },
  },
];

/** LS-KEY-001 needs the DES's view of its vault and key, so it is evaluated with the DES. */
export const keyNotFoundRule: DesRule = {
  id: 'LS-KEY-001',
  name: 'Key.NotFound',
  subject: 'key',
  severity: 'critical',
  resourceOf: (s) => (s.vault.state === 'found' && s.des.key ? `${s.vault.value.id}/keys/${s.des.key.keyName}` : (s.des.keyUrl ?? s.des.id)),
  title: 'Key or key version does not exist',
  synopsis: 'The key version in the DES key URL must exist in its vault.',
  rationale: 'A DES pointing at a deleted or mistyped key cannot wrap or unwrap: disks under it are unusable.',
  remediation: {
    summary: 'Recover the deleted key (soft delete) or point the DES at an existing key version.',
    portal: ['Open the key vault → Keys → Manage deleted keys → Recover', 'Or open the DES → Key → select an existing key'],
    cli: 'az keyvault key recover --vault-name <vault> --name <key>',
    powershell: 'Undo-AzKeyVaultKeyRemoval -VaultName <vault> -Name <key>',
    bicep: 'properties: { activeKey: { keyUrl: kvKey.properties.keyUriWithVersion } }',
  },
  docs: [DOCS.softDelete, DOCS.cmkPortal],
  controls: [
    'ISO27001:2022/A.8.24',
    'NEN7510:2024/8.24',
    'GDPR/Art.32(1)(a)',
    'PCI-DSS:4.0.1/3.6-3.7',
    'HIPAA/164.312(a)(2)(iv)',
    'GDPR/Art.32(1)(b)',
    'GDPR/Art.32(1)(c)',
  ],
  evaluate: (s) => {
    if (s.vault.state !== 'found' || !s.key) return [];
    const keyName = s.des.key?.keyName ?? '(unnamed)';
    if (s.key.state === 'not-found') return [`Key ${keyName} used by disk encryption set ${s.des.name} does not exist in key vault ${s.vault.value.name}.`];
    if (s.key.state === 'found' && s.versionExists === false) {
      return [
        `Version ${s.des.key?.version ?? '(none)'} of key ${keyName}, used by disk encryption set ${s.des.name}, does not exist in key vault ${s.vault.value.name}.`,
      ];
    }
    return [];
  },
};

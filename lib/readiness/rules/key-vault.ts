import { isAtOrBelow } from '../../estate/ids';
import type { KeyVault } from '../../estate/model';
import type { Rule } from '../types';
import { blocksTrustedServices, sendsAuditLogs } from '../vault-facts';
import { DOCS } from './docs';

type VaultRule = Rule<KeyVault>;
const of = (v: KeyVault) => v.id;
/** "Key vault" or "Managed HSM": both are judged by these rules where the fact applies to both. */
const noun = (v: KeyVault) => (v.kind === 'managedHsm' ? 'Managed HSM' : 'Key vault');

export const keyVaultRules: VaultRule[] = [
  {
    id: 'LS-KV-001',
    name: 'KeyVault.SoftDeleteOff',
    subject: 'keyVault',
    severity: 'critical',
    resourceOf: of,
    title: 'Key vault soft delete is off',
    synopsis: 'A key vault that holds disk encryption keys must keep deleted keys recoverable.',
    rationale:
      'Without soft delete a deleted key is gone at once, and every disk encrypted with it becomes unreadable. Azure requires soft delete for vaults used by disk encryption sets.',
    remediation: {
      summary: 'Turn on soft delete (it cannot be turned off again).',
      portal: ['Open the key vault', 'Settings → Properties', 'Select "Enable soft delete" and Save'],
      cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-soft-delete true',
      powershell: 'Update-AzKeyVault -VaultName <vault> -ResourceGroupName <rg> -EnableSoftDelete',
      bicep: "resource kv 'Microsoft.KeyVault/vaults@2026-02-01' = { /* … */ properties: { enableSoftDelete: true } }",
    },
    docs: [DOCS.softDelete],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'PCI-DSS:4.0.1/3.6-3.7', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (v) =>
      v.enableSoftDelete === false
        ? [`${noun(v)} ${v.name} has soft delete turned off: a deleted key cannot be recovered, and the disks it encrypts would be lost.`]
        : [],
  },
  {
    id: 'LS-KV-002',
    name: 'KeyVault.PurgeProtectionOff',
    subject: 'keyVault',
    severity: 'critical',
    fix: 'Enables purge protection on the vault (one PATCH, irreversible), then reads it back.',
    resourceOf: of,
    title: 'Key vault purge protection is off',
    synopsis: 'Purge protection must be on for any vault whose keys encrypt managed disks.',
    rationale:
      'Without purge protection anyone with purge rights can destroy a soft-deleted key immediately, making every disk it protects permanently unreadable. Azure requires it for disk encryption sets; enabling it is irreversible.',
    remediation: {
      summary: 'Enable purge protection (irreversible: the vault name stays reserved for the retention period after deletion).',
      portal: ['Open the key vault', 'Settings → Properties', 'Select "Enable purge protection" and Save'],
      cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-purge-protection true',
      powershell: 'Update-AzKeyVault -VaultName <vault> -ResourceGroupName <rg> -EnablePurgeProtection',
      bicep: "resource kv 'Microsoft.KeyVault/vaults@2026-02-01' = { /* … */ properties: { enableSoftDelete: true, enablePurgeProtection: true } }",
    },
    docs: [DOCS.softDelete, DOCS.cmkPortal],
    controls: [
      'ISO27001:2022/A.8.24',
      'NEN7510:2024/8.24',
      'GDPR/Art.32(1)(a)',
      'PCI-DSS:4.0.1/3.6-3.7',
      'NIS2/Art.21(2)(h)',
      'GDPR/Art.32(1)(b)',
      'GDPR/Art.32(1)(c)',
    ],
    evaluate: (v) =>
      v.enablePurgeProtection === true
        ? []
        : [
            `${noun(v)} ${v.name} does not have purge protection${v.enablePurgeProtection === undefined ? ' (the setting is absent)' : ''}: a deleted key can be purged at once, leaving the disks it encrypts unrecoverable.`,
          ],
  },
  {
    id: 'LS-KV-003',
    name: 'KeyVault.FirewallBlocksDiskService',
    subject: 'keyVault',
    severity: 'critical',
    fix: "Lets trusted Azure services through the vault's firewall, keeping its IP and network rules, then reads it back.",
    resourceOf: of,
    title: 'Key vault firewall blocks Azure Disk Storage',
    synopsis: 'A vault that denies public traffic must let trusted Azure services through, or disk encryption cannot reach its keys.',
    rationale:
      'Azure Disk Storage reaches the key as a trusted service. With the firewall denying by default (or public access disabled) and bypass set to None, wrap and unwrap calls fail and VMs cannot start.',
    remediation: {
      summary: 'Allow trusted Microsoft services to bypass the firewall.',
      portal: ['Open the key vault', 'Settings → Networking', 'Under Exception, select "Allow trusted Microsoft services to bypass this firewall" and Apply'],
      cli: 'az keyvault update --name <vault> --resource-group <rg> --bypass AzureServices',
      powershell: 'Update-AzKeyVaultNetworkRuleSet -VaultName <vault> -Bypass AzureServices',
      bicep: "properties: { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } }",
    },
    docs: [DOCS.network],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'PCI-DSS:4.0.1/3.6-3.7', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (v) => {
      return blocksTrustedServices(v)
        ? [
            `${noun(v)} ${v.name} denies public network traffic and does not let trusted Azure services through (bypass None): Azure Disk Storage cannot reach its keys.`,
          ]
        : [];
    },
  },
  {
    id: 'LS-KV-004',
    name: 'KeyVault.AccessPolicyModel',
    subject: 'keyVault',
    severity: 'low',
    resourceOf: of,
    title: 'Key vault uses access policies',
    synopsis: 'Azure RBAC is the recommended permission model for key vaults.',
    rationale:
      'With access policies, anyone who can write the vault can grant themselves key access; RBAC separates managing the vault from using its keys and is auditable with the rest of Azure.',
    remediation: {
      summary:
        'Switch the vault to the Azure RBAC permission model after granting equivalent roles (Key Vault Crypto Service Encryption User for DES identities).',
      portal: [
        'Assign equivalent Key Vault roles first',
        'Open the key vault → Settings → Access configuration',
        'Select "Azure role-based access control" and Apply',
      ],
      cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-rbac-authorization true',
      powershell: 'Update-AzKeyVault -VaultName <vault> -ResourceGroupName <rg> -EnableRbacAuthorization $true',
      bicep: 'properties: { enableRbacAuthorization: true }',
    },
    docs: [DOCS.rbacGuide],
    controls: ['PCI-DSS:4.0.1/3.6-3.7', 'ISO27001:2022/A.5.15', 'GDPR/Art.32(1)(b)'],
    // A Managed HSM always uses its own local RBAC.
    evaluate: (v) =>
      v.kind === 'managedHsm' || v.enableRbacAuthorization === true
        ? []
        : [`${noun(v)} ${v.name} uses access policies instead of Azure RBAC to control key use.`],
  },
  {
    id: 'LS-KV-005',
    name: 'KeyVault.ShortRetention',
    subject: 'keyVault',
    severity: 'low',
    resourceOf: of,
    title: 'Key vault keeps deleted keys briefly',
    synopsis: 'Soft-delete retention under 90 days shortens the time to recover a deleted key.',
    rationale: 'The retention period is how long a deleted key (and so the data it protects) can be recovered. 90 days is the maximum and the default.',
    remediation: {
      summary: 'Retention can only be set when the vault is created; plan 90 days for new vaults.',
      portal: ['Create new vaults with "Days to retain deleted vaults" = 90'],
      cli: 'az keyvault create --name <vault> --resource-group <rg> --retention-days 90 --enable-purge-protection true',
      powershell: 'New-AzKeyVault -Name <vault> -ResourceGroupName <rg> -Location <region> -SoftDeleteRetentionInDays 90 -EnablePurgeProtection',
      bicep: 'properties: { softDeleteRetentionInDays: 90 }',
    },
    docs: [DOCS.softDelete],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (v) =>
      v.softDeleteRetentionInDays !== undefined && v.softDeleteRetentionInDays < 90
        ? [`${noun(v)} ${v.name} keeps deleted keys for ${v.softDeleteRetentionInDays} days; 90 days gives the most time to recover one.`]
        : [],
  },
  {
    id: 'LS-KV-006',
    name: 'KeyVault.NoAuditLogs',
    subject: 'keyVault',
    severity: 'medium',
    resourceOf: of,
    title: 'Key vault sends no audit logs',
    synopsis: 'Key use and key management on a vault behind disk encryption should be logged.',
    rationale: 'Audit events show who used, changed or deleted a key and when: the evidence an auditor asks for and the trail an incident needs.',
    remediation: {
      summary: 'Add a diagnostic setting that sends the audit log category group to Log Analytics or a storage account.',
      portal: [
        'Open the key vault → Monitoring → Diagnostic settings',
        'Add diagnostic setting',
        'Select the "audit" category group and a destination, then Save',
      ],
      cli: 'az monitor diagnostic-settings create --name kv-audit --resource <vault-id> --workspace <workspace-id> --logs \'[{"categoryGroup":"audit","enabled":true}]\'',
      powershell:
        'New-AzDiagnosticSetting -Name kv-audit -ResourceId <vault-id> -WorkspaceId <workspace-id> -Log (New-AzDiagnosticSettingLogSettingsObject -CategoryGroup audit -Enabled $true)',
      bicep:
        "resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = { scope: kv, name: 'kv-audit', properties: { workspaceId: workspaceId, logs: [ { categoryGroup: 'audit', enabled: true } ] } }",
    },
    docs: [DOCS.logging],
    controls: [
      'ISO27001:2022/A.8.24',
      'NEN7510:2024/8.24',
      'PCI-DSS:4.0.1/3.6-3.7',
      'NIS2/Art.21(2)(h)',
      'ISO27001:2022/A.8.15',
      'NEN7510:2024/8.15',
      'GDPR/Art.32(1)(d)',
    ],
    evaluate: (v, ctx) => {
      return sendsAuditLogs(ctx.estate, v.id) ? [] : [`${noun(v)} ${v.name} sends no audit logs (AuditEvent) to any diagnostic destination.`];
    },
  },
  {
    id: 'LS-KV-007',
    name: 'KeyVault.PublicNetworkOpen',
    subject: 'keyVault',
    severity: 'low',
    resourceOf: of,
    title: 'Key vault is open to all networks',
    synopsis: 'Vaults holding encryption keys are best reachable only from chosen networks.',
    rationale: 'A firewall with default deny (trusted services allowed) or a private endpoint narrows who can even try to use the keys.',
    remediation: {
      summary: 'Set the firewall to deny by default and allow trusted Microsoft services (disk encryption keeps working).',
      portal: [
        'Open the key vault → Settings → Networking',
        'Select "Allow public access from specific virtual networks and IP addresses"',
        'Keep "Allow trusted Microsoft services" selected and Apply',
      ],
      cli: 'az keyvault update --name <vault> --resource-group <rg> --default-action Deny --bypass AzureServices',
      powershell: 'Update-AzKeyVaultNetworkRuleSet -VaultName <vault> -DefaultAction Deny -Bypass AzureServices',
      bicep: "properties: { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } }",
    },
    docs: [DOCS.network],
    controls: ['ISO27001:2022/A.8.20', 'NEN7510:2024/8.20', 'GDPR/Art.32(1)(b)'],
    evaluate: (v) => {
      const publicOn = v.publicNetworkAccess === undefined || v.publicNetworkAccess.toLowerCase() === 'enabled';
      return publicOn && v.networkDefaultAction?.toLowerCase() !== 'deny' ? [`${noun(v)} ${v.name} accepts traffic from all public networks.`] : [];
    },
  },
  {
    id: 'LS-KV-008',
    name: 'KeyVault.NoDeleteLock',
    subject: 'keyVault',
    severity: 'low',
    resourceOf: of,
    title: 'Key vault has no delete lock',
    synopsis: 'A lock keeps a vault that disks depend on from being deleted by mistake.',
    rationale:
      'Deleting the vault takes every key with it; a CanNotDelete lock on the vault, its resource group or its subscription stops that without blocking daily use.',
    remediation: {
      summary: 'Add a CanNotDelete lock to the vault or its resource group.',
      portal: ['Open the key vault → Settings → Locks', 'Add: Lock type "Delete", with a note', 'Save'],
      cli: 'az lock create --name do-not-delete --lock-type CanNotDelete --resource-group <rg> --resource-name <vault> --resource-type Microsoft.KeyVault/vaults',
      powershell:
        'New-AzResourceLock -LockName do-not-delete -LockLevel CanNotDelete -ResourceGroupName <rg> -ResourceName <vault> -ResourceType Microsoft.KeyVault/vaults',
      bicep: "resource lock 'Microsoft.Authorization/locks@2020-05-01' = { scope: kv, name: 'do-not-delete', properties: { level: 'CanNotDelete' } }",
    },
    docs: [DOCS.locks],
    controls: ['PCI-DSS:4.0.1/3.6-3.7', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (v, ctx) => {
      const locked = ctx.estate.locks.some((l) => ['cannotdelete', 'readonly'].includes(l.level.toLowerCase()) && isAtOrBelow(v.id, l.scope));
      return locked ? [] : [`${noun(v)} ${v.name} has no delete lock on itself, its resource group or its subscription.`];
    },
  },
  {
    id: 'LS-KV-009',
    name: 'ManagedHsm.NotReady',
    subject: 'keyVault',
    severity: 'critical',
    resourceOf: of,
    title: 'Managed HSM is not provisioned and activated',
    synopsis: 'A Managed HSM serves keys only once it is provisioned and its security domain is activated.',
    rationale:
      'Until the security domain is downloaded (activation), or when provisioning failed, the HSM performs no key operations: a DES on it cannot wrap or unwrap and disks cannot be created or read.',
    remediation: {
      summary: 'Activate the HSM by downloading its security domain (at least three RSA key pairs, quorum two), or fix the failed provisioning.',
      portal: ['Open the Managed HSM → Overview: provisioning and security domain state', 'Activate with the Azure CLI: az keyvault security-domain download'],
      cli: 'az keyvault security-domain download --hsm-name <hsm> --sd-wrapping-keys cert0.cer cert1.cer cert2.cer --sd-quorum 2 --security-domain-file <hsm>-SD.json',
      powershell: 'Export-AzKeyVaultSecurityDomain -Name <hsm> -Certificates cert0.cer, cert1.cer, cert2.cer -OutputPath <hsm>-SD.ps.json -Quorum 2',
      bicep: '// activation is a data-plane step after deployment: az keyvault security-domain download',
    },
    docs: [DOCS.managedHsm],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'PCI-DSS:4.0.1/3.6-3.7', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (v) => {
      if (v.kind !== 'managedHsm') return [];
      const out: string[] = [];
      if (v.provisioningState && v.provisioningState.toLowerCase() !== 'succeeded')
        out.push(`Managed HSM ${v.name} is not provisioned (provisioningState ${v.provisioningState}): it performs no key operations.`);
      if (v.securityDomainStatus && v.securityDomainStatus.toLowerCase() !== 'active')
        out.push(
          `Managed HSM ${v.name} has not activated its security domain (${v.securityDomainStatus}): it performs no key operations until the security domain is downloaded.`,
        );
      return out;
    },
  },
];

import type { Rule, KeyUse } from '../types';
import { isoDate } from '../wording';
import { DOCS } from './docs';

type KeyRule = Rule<KeyUse>;
const of = (k: KeyUse) => k.key.id;
const label = (k: KeyUse) => `Key ${k.key.name}${k.version ? ` (version ${k.version})` : ''} in ${k.vault.name}`;
/** RSA without a size is 2048 for every rule. */
const rsaSize = (k: KeyUse) => k.keySize ?? 2048;
const isRsa = (k: KeyUse) => k.kty === 'RSA' || k.kty === 'RSA-HSM';

const newVersion = {
  cli: 'az keyvault key rotate --vault-name <vault> --name <key>',
  powershell: 'Invoke-AzKeyVaultKeyRotation -VaultName <vault> -Name <key>',
};

export const keyRules: KeyRule[] = [
  {
    id: 'LS-KEY-002',
    name: 'Key.Disabled',
    subject: 'key',
    severity: 'critical',
    resourceOf: of,
    title: 'Key is disabled',
    synopsis: 'The key a DES uses must be enabled.',
    rationale:
      'Azure shuts down VMs whose disks use a disabled key, and they do not start again until the key is enabled or replaced; disk I/O fails within about an hour.',
    remediation: {
      summary: 'Enable the key, or point the DES at an enabled key.',
      portal: ['Open the key vault → Objects → Keys', 'Open the key and the version in use', 'Set "Enabled" to Yes and Save'],
      cli: 'az keyvault key set-attributes --vault-name <vault> --name <key> --version <version> --enabled true',
      powershell: 'Update-AzKeyVaultKey -VaultName <vault> -Name <key> -Version <version> -Enable $true',
      bicep: 'properties: { attributes: { enabled: true } }',
    },
    docs: [DOCS.diskEncryption],
    controls: [
      'ISO27001:2022/A.8.24',
      'NEN7510:2024/8.24',
      'GDPR/Art.32(1)(a)',
      'PCI-DSS:4.0.1/3.6-3.7',
      'HIPAA/164.312(a)(2)(iv)',
      'GDPR/Art.32(1)(b)',
      'GDPR/Art.32(1)(c)',
    ],
    evaluate: (k) =>
      k.attributes.enabled === false ? [`${label(k)} is disabled: VMs whose disks use it shut down and cannot start until it is enabled or replaced.`] : [],
  },
  {
    id: 'LS-KEY-003',
    name: 'Key.Expired',
    subject: 'key',
    severity: 'critical',
    resourceOf: of,
    title: 'Key has expired',
    synopsis: 'The key a DES uses must not be past its expiry date.',
    rationale: 'A VM whose disks use an expired key keeps running but fails at its next deallocation and start; migration of disks under it fails.',
    remediation: {
      summary: 'Create a new key version (or extend the expiry) and let the DES follow it.',
      portal: ['Open the key → New version (or edit the expiry date)', 'On the DES, select the new version or enable automatic rotation'],
      ...newVersion,
      bicep: 'properties: { attributes: { exp: <unix-seconds-in-the-future> } }',
    },
    docs: [DOCS.diskEncryption, DOCS.rotation],
    controls: [
      'ISO27001:2022/A.8.24',
      'NEN7510:2024/8.24',
      'GDPR/Art.32(1)(a)',
      'PCI-DSS:4.0.1/3.6-3.7',
      'HIPAA/164.312(a)(2)(iv)',
      'GDPR/Art.32(1)(b)',
      'GDPR/Art.32(1)(c)',
    ],
    evaluate: (k, ctx) =>
      k.attributes.exp !== undefined && k.attributes.exp <= ctx.now
        ? [`${label(k)} expired on ${isoDate(k.attributes.exp)}: VMs whose disks use it fail at their next start.`]
        : [],
  },
  {
    id: 'LS-KEY-004',
    name: 'Key.ExpiresSoon',
    subject: 'key',
    severity: 'high',
    resourceOf: of,
    title: 'Key expires soon',
    synopsis: 'The key a DES uses expires within the warning window.',
    rationale: 'After expiry, VMs fail at their next start and migrations fail. Rotating before expiry avoids an outage.',
    remediation: {
      summary: 'Rotate the key now (or extend its expiry) and make sure the DES follows new versions.',
      portal: ['Open the key → Rotation policy → Rotate now', 'On the DES, enable "Auto key rotation"'],
      ...newVersion,
      bicep: "rotationPolicy: { lifetimeActions: [ { trigger: { timeAfterCreate: 'P90D' }, action: { type: 'rotate' } } ], attributes: { expiryTime: 'P1Y' } }",
    },
    docs: [DOCS.rotation],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'PCI-DSS:4.0.1/3.6-3.7', 'NIS2/Art.21(2)(h)'],
    evaluate: (k, ctx) => {
      const exp = k.attributes.exp;
      if (exp === undefined || exp <= ctx.now || exp > ctx.now + ctx.settings.expiryWarningDays * 86400) return [];
      const days = Math.ceil((exp - ctx.now) / 86400);
      return [`${label(k)} expires on ${isoDate(exp)}, in ${days} ${days === 1 ? 'day' : 'days'}.`];
    },
  },
  {
    id: 'LS-KEY-005',
    name: 'Key.NotYetValid',
    subject: 'key',
    severity: 'critical',
    resourceOf: of,
    title: 'Key is not yet valid',
    synopsis: 'The key a DES uses must already be valid (its not-before date has passed).',
    rationale: 'Before its activation date the key cannot wrap or unwrap, so disks under it cannot be created or read.',
    remediation: {
      summary: "Clear or move the key's activation date, or use a key that is valid now.",
      portal: ['Open the key version', 'Clear "Set activation date" or set it to now, then Save'],
      cli: 'az keyvault key set-attributes --vault-name <vault> --name <key> --version <version> --not-before <now-iso>',
      powershell: 'Update-AzKeyVaultKey -VaultName <vault> -Name <key> -Version <version> -NotBefore (Get-Date)',
      bicep: 'properties: { attributes: { nbf: <unix-seconds-now> } }',
    },
    docs: [DOCS.diskEncryption],
    controls: [
      'ISO27001:2022/A.8.24',
      'NEN7510:2024/8.24',
      'GDPR/Art.32(1)(a)',
      'PCI-DSS:4.0.1/3.6-3.7',
      'HIPAA/164.312(a)(2)(iv)',
      'GDPR/Art.32(1)(b)',
      'GDPR/Art.32(1)(c)',
    ],
    evaluate: (k, ctx) =>
      k.attributes.nbf !== undefined && k.attributes.nbf > ctx.now ? [`${label(k)} is not valid until ${isoDate(k.attributes.nbf)}.`] : [],
  },
  {
    id: 'LS-KEY-006',
    name: 'Key.UnsupportedType',
    subject: 'key',
    severity: 'critical',
    resourceOf: of,
    title: 'Key type not supported for disks',
    synopsis: 'Managed disks accept only RSA or RSA-HSM keys of 2048, 3072 or 4096 bits.',
    rationale: 'Any other key type or size is refused by Azure Disk Storage: the DES cannot be used.',
    remediation: {
      summary: 'Create an RSA (or RSA-HSM) key of 3072 or 4096 bits and point the DES at it.',
      portal: ['Open the key vault → Keys → Generate', 'Key type RSA, size 3072 or 4096', 'On the DES, select the new key'],
      cli: 'az keyvault key create --vault-name <vault> --name <key> --kty RSA --size 3072',
      powershell: 'Add-AzKeyVaultKey -VaultName <vault> -Name <key> -Destination Software -KeyType RSA -Size 3072',
      bicep: "properties: { kty: 'RSA', keySize: 3072 }",
    },
    docs: [DOCS.desRestrictions],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'PCI-DSS:4.0.1/3.6-3.7', 'HIPAA/164.312(a)(2)(iv)', 'NIS2/Art.21(2)(h)'],
    evaluate: (k) => {
      if (!k.kty) return [];
      if (isRsa(k) && [2048, 3072, 4096].includes(rsaSize(k))) return [];
      return [`${label(k)} is ${k.kty}${isRsa(k) ? ` ${rsaSize(k)}` : ''}: managed disks need an RSA or RSA-HSM key of 2048, 3072 or 4096 bits.`];
    },
  },
  {
    id: 'LS-KEY-007',
    name: 'Key.NoRotationPolicy',
    subject: 'key',
    severity: 'medium',
    fix: 'Creates a new key with a rotation policy in the same vault, for the disk encryption set to move to.',
    resourceOf: of,
    title: 'Key has no rotation policy',
    synopsis: 'Keys behind disk encryption should rotate on a schedule.',
    rationale:
      'A DES with automatic rotation follows new key versions, but Key Vault only creates them when a rotation policy with a rotate action exists. Regulators commonly expect a defined cryptoperiod.',
    remediation: {
      summary: 'Add a rotation policy that rotates the key (e.g. 90 days after creation, expiring after a year).',
      portal: ['Open the key → Rotation policy', 'Enable auto-rotation, "Rotation time" 90 days, expiry 1 year, Save'],
      cli: 'az keyvault key rotation-policy update --vault-name <vault> --name <key> --value \'{"lifetimeActions":[{"trigger":{"timeAfterCreate":"P90D"},"action":{"type":"Rotate"}}],"attributes":{"expiryTime":"P1Y"}}\'',
      powershell:
        'Set-AzKeyVaultKeyRotationPolicy -VaultName <vault> -Name <key> -KeyRotationLifetimeAction @{Action="Rotate"; TimeAfterCreate=New-TimeSpan -Days 90} -ExpiresIn (New-TimeSpan -Days 365)',
      bicep: "rotationPolicy: { lifetimeActions: [ { trigger: { timeAfterCreate: 'P90D' }, action: { type: 'rotate' } } ], attributes: { expiryTime: 'P1Y' } }",
    },
    docs: [DOCS.rotation],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'PCI-DSS:4.0.1/3.6-3.7', 'NIS2/Art.21(2)(h)'],
    evaluate: (k) =>
      k.key.rotates === true
        ? []
        : [
            `Key ${k.key.name} in ${k.vault.name} has ${k.key.hasRotationPolicy ? 'a rotation policy that only notifies and never rotates it' : 'no rotation policy'}.`,
          ],
  },
  {
    id: 'LS-KEY-008',
    name: 'Key.BelowMinimumSize',
    subject: 'key',
    severity: 'low',
    resourceOf: of,
    title: 'Key smaller than the engagement minimum',
    synopsis: "RSA keys should meet the engagement's minimum size.",
    rationale: 'Larger RSA keys keep a margin against future attacks; many policies ask for 3072 bits or more.',
    remediation: {
      summary: 'Create a key of at least the minimum size and move the DES to it.',
      portal: ['Open the key vault → Keys → Generate an RSA key of 3072 or 4096 bits', 'On the DES, select the new key'],
      cli: 'az keyvault key create --vault-name <vault> --name <key> --kty RSA --size 3072',
      powershell: 'Add-AzKeyVaultKey -VaultName <vault> -Name <key> -Destination Software -KeyType RSA -Size 3072',
      bicep: "properties: { kty: 'RSA', keySize: 3072 }",
    },
    docs: [DOCS.desRestrictions],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'PCI-DSS:4.0.1/3.6-3.7', 'NIS2/Art.21(2)(h)'],
    evaluate: (k, ctx) =>
      isRsa(k) && rsaSize(k) < ctx.settings.minimumRsaKeySize
        ? [`${label(k)} is RSA ${rsaSize(k)}, below the engagement minimum of ${ctx.settings.minimumRsaKeySize} bits.`]
        : [],
  },
  {
    id: 'LS-KEY-009',
    name: 'Key.NoExpiry',
    subject: 'key',
    severity: 'low',
    resourceOf: of,
    title: 'Key has no expiry date',
    synopsis: 'A key without an expiry date has no defined cryptoperiod.',
    rationale: 'An expiry date (with rotation before it) bounds how long one key protects data, as key-management controls expect.',
    remediation: {
      summary: 'Set an expiry date through a rotation policy (rotation creates versions before it).',
      portal: ['Open the key → Rotation policy', 'Set "Expiry time" (e.g. 1 year) with auto-rotation before it'],
      cli: 'az keyvault key rotation-policy update --vault-name <vault> --name <key> --value \'{"attributes":{"expiryTime":"P1Y"},"lifetimeActions":[{"trigger":{"timeBeforeExpiry":"P30D"},"action":{"type":"Rotate"}}]}\'',
      powershell: 'Set-AzKeyVaultKeyRotationPolicy -VaultName <vault> -Name <key> -ExpiresIn (New-TimeSpan -Days 365)',
      bicep: "rotationPolicy: { attributes: { expiryTime: 'P1Y' } }",
    },
    docs: [DOCS.rotation],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'PCI-DSS:4.0.1/3.6-3.7'],
    evaluate: (k) => (k.attributes.exp === undefined ? [`${label(k)} has no expiry date.`] : []),
  },
];

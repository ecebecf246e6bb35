/**
 * The shipped demo estate: Contoso Health, a fictional hospital group moving its VMware estate to
 * Azure. It shows every kind of problem the readiness rules look for, next to healthy chains.
 * `npm run emulator:demo` writes it to emulator/estates/contoso-health.json; a test keeps the two equal.
 */
import type { ArmResource, EstateFile } from '../../lib/estate/file';
import {
  ROLE_IDS,
  diagnosticSetting,
  diskEncryptionSet,
  guidFrom,
  hex32,
  isoAt,
  a2aItem,
  agentBasedInfrastructure,
  inMageRcmItem,
  testMigrateJob,
  managedHsm,
  userAssignedIdentity,
  key,
  keyVault,
  lock,
  migrationInfrastructure,
  migrationItem,
  landedVm,
  principalOf,
  resourceGroup,
  rgId,
  roleAssignment,
  sub,
  type ServerSpec,
} from './builders';

export const DEMO_TENANT_ID = guidFrom('contoso-health:tenant');
export const DEMO_CLIENT_ID = guidFrom('contoso-health:app:lockstep');
export const DEMO_CLI_CLIENT_ID = guidFrom('contoso-health:app:lockstep-cli');
export const DEMO_PASSWORD = 'Lockstep-demo-2026';
/**
 * The date of the shipped estate file. The emulator serves the demo dated the day it starts
 * (`buildDemoEstate(new Date())`), so keys expire, rotate and replicate relative to that day on any date.
 */
export const DEMO_REFERENCE_CAPTURE = '2026-11-29T08:00:00Z';
const DAY = 86400;

export const SUBS = {
  landing: guidFrom('contoso-health:sub:landing'),
  hub: guidFrom('contoso-health:sub:migration-hub'),
  security: guidFrom('contoso-health:sub:shared-security'),
  research: guidFrom('contoso-health:sub:research'),
};

export const USERS = {
  consultant: {
    objectId: guidFrom('contoso-health:user:consultant'),
    userPrincipalName: 'iris.devries@contosohealth.onmicrosoft.com',
    displayName: 'Iris de Vries',
    jobTitle: 'Consultant',
  },
  ciso: {
    objectId: guidFrom('contoso-health:user:ciso'),
    userPrincipalName: 'ruth.bakker@contosohealth.onmicrosoft.com',
    displayName: 'Ruth Bakker',
    jobTitle: 'CISO',
  },
  engineer: {
    objectId: guidFrom('contoso-health:user:engineer'),
    userPrincipalName: 'sam.okafor@contosohealth.onmicrosoft.com',
    displayName: 'Sam Okafor',
    jobTitle: 'Cloud engineer',
  },
};

export const WORKSPACE = `${rgId(SUBS.security, 'rg-monitoring-weu')}/providers/Microsoft.OperationalInsights/workspaces/log-chx-security-weu`;

/** The demo estate as captured at `capturedAt`: every date in it is relative to that moment. */
export function buildDemoEstate(capturedAt: Date | string = DEMO_REFERENCE_CAPTURE): EstateFile {
  const CAPTURED_AT = new Date(capturedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const NOW = Math.floor(Date.parse(CAPTURED_AT) / 1000);
  const clock = { now: NOW };
  const t = DEMO_TENANT_ID;
  const resources: ArmResource[] = [];
  const add = (...r: ArmResource[]) => resources.push(...r);

  // Resource groups.
  add(
    resourceGroup(SUBS.landing, 'rg-security-weu', 'westeurope', { owner: 'platform-team' }),
    resourceGroup(SUBS.landing, 'rg-his-prod-weu', 'westeurope', { workload: 'his' }),
    resourceGroup(SUBS.landing, 'rg-clinical-prod-weu', 'westeurope', { workload: 'clinical' }),
    resourceGroup(SUBS.landing, 'rg-infra-prod-weu', 'westeurope', { workload: 'infrastructure' }),
    resourceGroup(SUBS.hub, 'rg-migrate-weu', 'westeurope'),
    resourceGroup(SUBS.hub, 'rg-migrate-neu', 'northeurope'),
    resourceGroup(SUBS.security, 'rg-keys-weu', 'westeurope', { owner: 'security-office' }),
    resourceGroup(SUBS.security, 'rg-monitoring-weu', 'westeurope'),
    resourceGroup(SUBS.research, 'rg-research-neu', 'northeurope', { workload: 'research' }),
    resourceGroup(SUBS.research, 'rg-research-keys', 'northeurope'),
  );

  // Key vaults: healthy ones and each kind of flaw.
  const kvProd = keyVault({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'kv-chx-prod-weu',
    location: 'westeurope',
    tenantId: t,
    created: NOW - 635 * DAY,
    rbac: true,
    purgeProtection: true,
    tags: { dataClassification: 'confidential' },
  });
  const kvDouble = keyVault({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'kv-chx-dbl-weu',
    location: 'westeurope',
    tenantId: t,
    created: NOW - 635 * DAY,
    rbac: false,
    purgeProtection: true,
    sku: 'premium',
  });
  const kvLegacy = keyVault({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'kv-chx-legacy-weu',
    location: 'westeurope',
    tenantId: t,
    created: NOW - 635 * DAY,
    rbac: false,
    softDeleteRetentionInDays: 7,
  });
  const kvExpiring = keyVault({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'kv-chx-exp-weu',
    location: 'westeurope',
    tenantId: t,
    created: NOW - 635 * DAY,
    rbac: true,
    purgeProtection: true,
  });
  const kvCentral = keyVault({
    subId: SUBS.security,
    rg: 'rg-keys-weu',
    name: 'kv-chx-central-weu',
    location: 'westeurope',
    tenantId: t,
    created: NOW - 635 * DAY,
    rbac: true,
    purgeProtection: true,
    sku: 'premium',
    networkAcls: { defaultAction: 'Deny', bypass: 'None' },
    publicNetworkAccess: 'Enabled',
  });
  const kvResearch = keyVault({
    subId: SUBS.research,
    rg: 'rg-research-keys',
    name: 'kv-chx-res-neu',
    location: 'northeurope',
    tenantId: t,
    created: NOW - 635 * DAY,
    rbac: false,
    purgeProtection: true,
  });
  const kvResearchWeu = keyVault({
    subId: SUBS.research,
    rg: 'rg-research-keys',
    name: 'kv-chx-res-weu',
    location: 'westeurope',
    tenantId: t,
    created: NOW - 635 * DAY,
    rbac: true,
    purgeProtection: true,
  });

  const kProd = key({
    vault: kvProd,
    name: 'des-key-prod',
    kty: 'RSA',
    keySize: 3072,
    created: NOW - 200 * DAY,
    versions: 3,
    rotation: { rotateAfter: 'P90D', expiryTime: 'P1Y' },
    exp: NOW + 300 * DAY,
  });
  const kDouble = key({
    vault: kvDouble,
    name: 'des-key-double',
    kty: 'RSA-HSM',
    keySize: 4096,
    created: NOW - 120 * DAY,
    rotation: { rotateAfter: 'P180D', expiryTime: 'P2Y' },
  });
  const kLegacy = key({ vault: kvLegacy, name: 'legacy-key', kty: 'RSA', keySize: 2048, created: NOW - 900 * DAY });
  const kExpiring = key({
    vault: kvExpiring,
    name: 'des-key-2025',
    kty: 'RSA',
    keySize: 2048,
    created: NOW - 345 * DAY,
    exp: NOW + 20 * DAY,
    rotation: 'notify-only',
  });
  const kCentral = key({
    vault: kvCentral,
    name: 'central-des-key',
    kty: 'RSA-HSM',
    keySize: 3072,
    created: NOW - 60 * DAY,
    rotation: { rotateAfter: 'P90D', expiryTime: 'P1Y' },
  });
  const kResearch = key({ vault: kvResearch, name: 'research-key', kty: 'RSA', keySize: 2048, created: NOW - 400 * DAY, enabled: false });
  const kResearchWeu = key({
    vault: kvResearchWeu,
    name: 'research-key-weu',
    kty: 'RSA',
    keySize: 4096,
    created: NOW - 30 * DAY,
    rotation: { rotateAfter: 'P90D', expiryTime: 'P1Y' },
  });

  // Disk encryption sets in the target subscriptions and regions.
  const desProd = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-prod-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: kProd.latestUrlNoPort,
    sourceVaultId: kvProd.id,
    rotationToLatestKeyVersionEnabled: true,
    tags: { purpose: 'his-and-clinical' },
  });
  const desDouble = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-double-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: kDouble.latestUrlNoPort,
    sourceVaultId: kvDouble.id,
    encryptionType: 'EncryptionAtRestWithPlatformAndCustomerKeys',
    rotationToLatestKeyVersionEnabled: true,
  });
  const desLegacy = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-legacy-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: kLegacy.latestUrlNoPort,
    sourceVaultId: kvLegacy.id,
  });
  const desExpiring = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-exp-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: kExpiring.latestUrlNoPort,
    sourceVaultId: kvExpiring.id,
    rotationToLatestKeyVersionEnabled: false,
  });
  // Key in another subscription: keyUrl only, as ARM requires for a cross-subscription vault.
  const desCentral = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-central-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: kCentral.latestUrlNoPort,
    rotationToLatestKeyVersionEnabled: true,
  });
  const desNoIdentity = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-noid-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: kProd.latestUrlNoPort,
    sourceVaultId: kvProd.id,
    identity: 'None',
    rotationToLatestKeyVersionEnabled: true,
    autoKeyRotationError: {
      code: 'ManagedServiceIdentityNotFound',
      message:
        'Auto-key rotation was disabled as managed service identity associated with DiskEncryptionSet was not found. Please update DiskEncryptionSet identity to enable auto-key rotation.',
    },
  });
  const desResearch = diskEncryptionSet({
    subId: SUBS.research,
    rg: 'rg-research-keys',
    name: 'des-neu-research-01',
    location: 'northeurope',
    tenantId: t,
    keyUrl: kResearch.latestUrlNoPort,
    sourceVaultId: kvResearch.id,
  });
  // The vault is in West Europe while the DES is in North Europe: Azure refuses to use it.
  const desResearchRegion = diskEncryptionSet({
    subId: SUBS.research,
    rg: 'rg-research-keys',
    name: 'des-neu-research-02',
    location: 'northeurope',
    tenantId: t,
    keyUrl: kResearchWeu.latestUrlNoPort,
    sourceVaultId: kvResearchWeu.id,
    rotationToLatestKeyVersionEnabled: true,
  });

  // The security office's Managed HSM (FIPS 140-3 level 3): healthy, so only what ARM cannot see stays open.
  const hsm = managedHsm({
    subId: SUBS.security,
    rg: 'rg-keys-weu',
    name: 'hsm-chx-weu',
    location: 'westeurope',
    tenantId: t,
    admins: [USERS.ciso.objectId],
    purgeProtection: true,
    tags: { dataClassification: 'secret' },
  });
  const desHsm = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-hsm-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: `https://hsm-chx-weu.managedhsm.azure.net/keys/des-hsm-key/${hex32('hsm-chx-weu/des-hsm-key/0')}`,
    rotationToLatestKeyVersionEnabled: true,
    tags: { purpose: 'oncology' },
  });
  // Telehealth runs in the partner's tenant: its DES reaches the partner's key through a multi-tenant application.
  const idPartner = userAssignedIdentity(SUBS.landing, 'rg-security-weu', 'id-des-fabrikam', 'westeurope', t, { purpose: 'cross-tenant-cmk' });
  const partnerApp = guidFrom('fabrikam:app:cmk-access');
  const desPartner = diskEncryptionSet({
    subId: SUBS.landing,
    rg: 'rg-security-weu',
    name: 'des-weu-fabrikam-01',
    location: 'westeurope',
    tenantId: t,
    keyUrl: `https://kv-fabrikam-cmk.vault.azure.net/keys/contoso-telehealth/${hex32('kv-fabrikam-cmk/contoso-telehealth/0')}`,
    identity: { userAssigned: idPartner },
    federatedClientId: partnerApp,
    rotationToLatestKeyVersionEnabled: true,
    tags: { purpose: 'telehealth' },
  });
  add(hsm, diagnosticSetting(hsm.id, WORKSPACE), idPartner);

  add(kvProd, kvDouble, kvLegacy, kvExpiring, kvCentral, kvResearch, kvResearchWeu);
  for (const k of [kProd, kDouble, kLegacy, kExpiring, kCentral, kResearch, kResearchWeu]) add(k.key, ...k.versions);
  add(desProd, desDouble, desLegacy, desExpiring, desCentral, desNoIdentity, desResearch, desResearchRegion, desHsm, desPartner);
  // A user-assigned identity the platform team made for disk encryption sets (none uses it yet).
  add({
    id: `${rgId(SUBS.landing, 'rg-security-weu')}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-des-weu`,
    name: 'id-des-weu',
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    location: 'westeurope',
    tags: { purpose: 'disk-encryption-sets' },
    properties: { tenantId: t, principalId: guidFrom('contoso-health:uami:id-des-weu:principal'), clientId: guidFrom('contoso-health:uami:id-des-weu:client') },
  });

  // Access grants. RBAC vaults: Key Vault Crypto Service Encryption User for the DES identity.
  add(
    roleAssignment(kvProd.id, principalOf(desProd)!, ROLE_IDS.keyVaultCryptoServiceEncryptionUser, SUBS.landing, 'ServicePrincipal', isoAt(NOW - 545 * DAY)),
    roleAssignment(
      kvExpiring.id,
      principalOf(desExpiring)!,
      ROLE_IDS.keyVaultCryptoServiceEncryptionUser,
      SUBS.landing,
      'ServicePrincipal',
      isoAt(NOW - 545 * DAY),
    ),
    roleAssignment(
      kvCentral.id,
      principalOf(desCentral)!,
      ROLE_IDS.keyVaultCryptoServiceEncryptionUser,
      SUBS.security,
      'ServicePrincipal',
      isoAt(NOW - 545 * DAY),
    ),
    roleAssignment(
      kvResearchWeu.id,
      principalOf(desResearchRegion)!,
      ROLE_IDS.keyVaultCryptoServiceEncryptionUser,
      SUBS.research,
      'ServicePrincipal',
      isoAt(NOW - 545 * DAY),
    ),
  );
  // Access-policy vaults: get/wrapKey/unwrapKey, except the legacy vault which lacks unwrapKey.
  setPolicies(kvDouble, [{ objectId: principalOf(desDouble)!, keys: ['get', 'wrapKey', 'unwrapKey'] }]);
  setPolicies(kvLegacy, [
    { objectId: principalOf(desLegacy)!, keys: ['get', 'wrapKey'] },
    { objectId: USERS.engineer.objectId, keys: ['all'] },
  ]);
  setPolicies(kvResearch, [{ objectId: principalOf(desResearch)!, keys: ['get', 'wrapKey', 'unwrapKey'] }]);

  // Audit logging and locks on some vaults.
  add(diagnosticSetting(kvProd.id, WORKSPACE), diagnosticSetting(kvCentral.id, WORKSPACE), diagnosticSetting(kvDouble.id, WORKSPACE));
  add(
    lock(
      rgId(SUBS.landing, 'rg-security-weu'),
      'do-not-delete-keys',
      'CanNotDelete',
      'Key vaults and disk encryption sets for migrated workloads. Change through CAB only.',
    ),
  );
  add(lock(kvCentral.id, 'central-keys-lock', 'CanNotDelete', 'Central HSM-backed keys.'));

  // People: the consultant owns the landing zone; the CISO reads everything; the engineer builds in the landing zone.
  const assign = (scope: string, who: { objectId: string }, role: string, subId: string) =>
    add(roleAssignment(scope, who.objectId, role, subId, 'User', isoAt(NOW - 89 * DAY)));
  assign(sub(SUBS.landing), USERS.consultant, ROLE_IDS.owner, SUBS.landing);
  assign(sub(SUBS.hub), USERS.consultant, ROLE_IDS.reader, SUBS.hub);
  assign(sub(SUBS.security), USERS.consultant, ROLE_IDS.reader, SUBS.security);
  assign(sub(SUBS.research), USERS.consultant, ROLE_IDS.reader, SUBS.research);
  for (const s of Object.values(SUBS)) assign(sub(s), USERS.ciso, ROLE_IDS.reader, s);
  assign(sub(SUBS.landing), USERS.engineer, ROLE_IDS.contributor, SUBS.landing);
  assign(rgId(SUBS.hub, 'rg-migrate-weu'), USERS.engineer, ROLE_IDS.reader, SUBS.hub);
  // The migration team's role on the Azure Migrate project: it may stop and start replication, nothing more.
  assign(rgId(SUBS.hub, 'rg-migrate-weu'), USERS.engineer, ROLE_IDS.siteRecoveryContributor, SUBS.hub);

  // Azure Migrate: one project per source datacentre, each with its Recovery Services vault.
  const weu = migrationInfrastructure({
    hubSubId: SUBS.hub,
    rg: 'rg-migrate-weu',
    location: 'westeurope',
    project: 'mig-chx-amsterdam',
    vault: 'rsv-mig-chx-weu',
    site: 'ams-vcenter',
    targetLocation: 'westeurope',
  });
  const neu = migrationInfrastructure({
    hubSubId: SUBS.hub,
    rg: 'rg-migrate-neu',
    location: 'northeurope',
    project: 'mig-chx-research',
    vault: 'rsv-mig-chx-neu',
    site: 'res-vcenter',
    targetLocation: 'northeurope',
  });
  add(...weu.resources, ...neu.resources);

  const missingDes = `${rgId(SUBS.landing, 'rg-security-weu')}/providers/Microsoft.Compute/diskEncryptionSets/des-weu-prod-02`;
  const partnerSub = guidFrom('contoso-health:sub:partner-lab');
  const partnerDes = `${rgId(partnerSub, 'rg-lab-keys')}/providers/Microsoft.Compute/diskEncryptionSets/des-partner-lab-neu`;
  const landing = (rg: string) => ({ targetSubId: SUBS.landing, targetRg: rg, targetLocation: 'westeurope' });
  // Research governs its landing zone with Azure Policy: disks there should use its own disk encryption sets (Audit).
  add({
    id: `${rgId(SUBS.research, 'rg-research-neu')}/providers/Microsoft.Authorization/policyAssignments/research-approved-des`,
    name: 'research-approved-des',
    type: 'Microsoft.Authorization/policyAssignments',
    properties: {
      displayName: 'Research disks use the research disk encryption sets',
      policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/d461a302-a187-421a-89ac-84acdb4edc04',
      scope: rgId(SUBS.research, 'rg-research-neu'),
      notScopes: [],
      enforcementMode: 'Default',
      parameters: { allowedEncryptionSets: { value: [desResearch.id, desResearchRegion.id] }, effect: { value: 'Audit' } },
    },
  });
  // The EHR landing group is guarded in Deny: a disk there must use one of the EHR sets. Replication of a server there
  // under a platform key is enabled, but its replica disks will be refused (the policy-blocked servers of the demo).
  add({
    id: `${rgId(SUBS.landing, 'rg-his-prod-weu')}/providers/Microsoft.Authorization/policyAssignments/ehr-approved-des`,
    name: 'ehr-approved-des',
    type: 'Microsoft.Authorization/policyAssignments',
    properties: {
      displayName: 'EHR disks use the EHR disk encryption sets',
      description: 'Security baseline SB-07: EHR production disks are encrypted with the hospital key only.',
      policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/d461a302-a187-421a-89ac-84acdb4edc04',
      scope: rgId(SUBS.landing, 'rg-his-prod-weu'),
      notScopes: [],
      enforcementMode: 'Default',
      parameters: { allowedEncryptionSets: { value: [desProd.id, desDouble.id] }, effect: { value: 'Deny' } },
    },
  });
  const research = { targetSubId: SUBS.research, targetRg: 'rg-research-neu', targetLocation: 'northeurope' };
  const win = (v: string) => ({ os: 'Windows' as const, osName: `Microsoft Windows Server ${v} (64-bit)` });
  const rhel = { os: 'Linux' as const, osName: 'Red Hat Enterprise Linux 8 (64-bit)' };
  const ubuntu = { os: 'Linux' as const, osName: 'Ubuntu Linux (64-bit)' };
  const disks = (des: string | undefined, ...sizes: number[]) => sizes.map((sizeGiB) => ({ sizeGiB, desId: des }));

  const amsterdam: ServerSpec[] = [
    // EHR (EPD): healthy chain, RBAC vault, rotation on.
    ...range(1, 8).map((i) => ({
      machineName: `EPD-APP-0${i}`,
      ...win('2019'),
      disks: disks(desProd.id, 128, 256),
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D8s_v5',
    })),
    ...range(1, 3).map((i) => ({
      machineName: `EPD-SQL-0${i}`,
      ...win('2022'),
      disks: disks(desDouble.id, 128, 1024, 512),
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_E16s_v5',
    })),
    ...range(1, 4).map((i) => ({
      machineName: `EPD-WEB-0${i}`,
      ...win('2019'),
      disks: disks(desProd.id, 128),
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D4s_v5',
      securityType: 'TrustedLaunch' as const,
    })),
    // Imaging: PACS on the legacy vault (no purge protection, access policy missing unwrapKey).
    ...range(1, 4).map((i) => ({
      machineName: `PACS-APP-0${i}`,
      ...win('2016'),
      disks: disks(desLegacy.id, 128, 2048),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D8s_v5',
    })),
    { machineName: 'PACS-ARCHIVE-01', ...rhel, disks: disks(desLegacy.id, 64, 4095, 4095), ...landing('rg-clinical-prod-weu'), vmSize: 'Standard_E8s_v5' },
    // Lab: key expires in 20 days and only notifies.
    ...range(1, 3).map((i) => ({
      machineName: `LIS-APP-0${i}`,
      ...win('2019'),
      disks: disks(desExpiring.id, 128, 256),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    })),
    { machineName: 'LIS-SQL-01', ...win('2019'), disks: disks(desExpiring.id, 128, 512), ...landing('rg-clinical-prod-weu'), vmSize: 'Standard_E8s_v5' },
    // Radiology: central HSM key in the security subscription, but its firewall blocks trusted services.
    ...range(1, 4).map((i) => ({
      machineName: `RIS-APP-0${i}`,
      ...win('2022'),
      disks: disks(desCentral.id, 128, 256),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    })),
    // Integration engine: a DES without identity.
    ...range(1, 2).map((i) => ({
      machineName: `HL7-ENGINE-0${i}`,
      ...rhel,
      disks: disks(desNoIdentity.id, 64, 128),
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    })),
    // Infrastructure servers replicated without any DES: platform-managed keys.
    ...range(1, 3).map((i) => ({
      machineName: `FILE-SRV-0${i}`,
      ...win('2016'),
      disks: disks(undefined, 128, 2048),
      ...landing('rg-infra-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    })),
    { machineName: 'PRINT-SRV-01', ...win('2016'), disks: disks(undefined, 128), ...landing('rg-infra-prod-weu'), vmSize: 'Standard_B2ms' },
    // Mixed: OS disk under CMK, data disk forgotten.
    {
      machineName: 'CTRL-APP-01',
      ...win('2019'),
      disks: [{ sizeGiB: 128, desId: desProd.id }, { sizeGiB: 512 }],
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    },
    {
      machineName: 'CTRL-APP-02',
      ...win('2019'),
      disks: [{ sizeGiB: 128, desId: desProd.id }, { sizeGiB: 512 }],
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    },
    // Points at a DES that was deleted (or never created).
    ...range(1, 2).map((i) => ({
      machineName: `DICT-APP-0${i}`,
      ...win('2019'),
      disks: disks(missingDes, 128, 256),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    })),
    // Replication in trouble, chain healthy.
    {
      machineName: 'EPD-BATCH-01',
      ...win('2019'),
      disks: disks(desProd.id, 128, 512),
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D8s_v5',
      state: 'InitialSeedingInProgress',
      seedingProgress: 47,
      lastRecoveryPoint: undefined,
    },
    {
      machineName: 'EPD-BATCH-02',
      ...win('2019'),
      disks: disks(desProd.id, 128, 512),
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D8s_v5',
      state: 'InitialSeedingFailed',
      health: 'Critical' as const,
      healthErrors: [
        {
          code: '78135',
          message: 'Initial replication failed because the VMware snapshot could not be created.',
          action: 'Consolidate the disks of the virtual machine in vCenter, then resync.',
        },
      ],
    },
    {
      machineName: 'EPD-REPORT-01',
      ...win('2022'),
      disks: disks(desProd.id, 128, 256),
      ...landing('rg-his-prod-weu'),
      vmSize: 'Standard_D4s_v5',
      health: 'Warning' as const,
      healthErrors: [
        {
          code: '78255',
          message: 'The replication cycle has not completed in the last 2 hours.',
          action: 'Check the appliance connectivity to Azure and the available upload bandwidth.',
        },
      ],
    },
    {
      machineName: 'AD-DC-01',
      ...win('2022'),
      disks: disks(desProd.id, 128),
      ...landing('rg-infra-prod-weu'),
      vmSize: 'Standard_D2s_v5',
      state: 'MigrationSucceeded',
      stateDescription: 'Migrated',
    },
    // Test-migrated three days ago: its job names the machine, not the test VM, so Lockstep says it cannot check it.
    {
      machineName: 'AD-DC-02',
      ...win('2022'),
      disks: disks(desProd.id, 128),
      ...landing('rg-infra-prod-weu'),
      vmSize: 'Standard_D2s_v5',
      testMigrated: true,
    },
    { machineName: 'KIOSK-MGMT-01', ...ubuntu, disks: disks(desDouble.id, 64), ...landing('rg-infra-prod-weu'), vmSize: 'Standard_B2ms' },
    // Oncology: a key in the security office's Managed HSM (ARM cannot show its local RBAC).
    ...range(1, 2).map((i) => ({
      machineName: `ONCO-APP-0${i}`,
      ...win('2022'),
      disks: disks(desHsm.id, 128, 512),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D8s_v5',
    })),
    // Telehealth: a key in the partner's tenant (cross-tenant DES).
    ...range(1, 2).map((i) => ({
      machineName: `TELE-APP-0${i}`,
      ...rhel,
      disks: disks(desPartner.id, 64, 256),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    })),
  ];
  const researchServers: ServerSpec[] = [
    // Research: disabled key in North Europe.
    ...range(1, 6).map((i) => ({
      machineName: `GENOMICS-NODE-0${i}`,
      ...ubuntu,
      disks: disks(desResearch.id, 64, 1024),
      ...research,
      vmSize: 'Standard_E16s_v5',
    })),
    // Vault in another region than the DES.
    ...range(1, 4).map((i) => ({
      machineName: `BIOBANK-APP-0${i}`,
      ...rhel,
      disks: disks(desResearchRegion.id, 64, 512),
      ...research,
      vmSize: 'Standard_D8s_v5',
    })),
    // A West Europe DES used for North Europe targets: wrong region for the migration.
    ...range(1, 3).map((i) => ({ machineName: `TRIAL-DB-0${i}`, ...win('2022'), disks: disks(desProd.id, 128, 512), ...research, vmSize: 'Standard_E8s_v5' })),
    // Not protected at all.
    ...range(1, 3).map((i) => ({ machineName: `RES-WS-0${i}`, ...win('2019'), disks: disks(undefined, 128), ...research, vmSize: 'Standard_D4s_v5' })),
    // Migrates into a partner lab's subscription that this capture does not include: its DES cannot be read, the chain is unknown.
    ...range(1, 2).map((i) => ({
      machineName: `LAB-PARTNER-0${i}`,
      ...rhel,
      disks: disks(partnerDes, 64, 256),
      targetSubId: partnerSub,
      targetRg: 'rg-lab-neu',
      targetLocation: 'northeurope',
      vmSize: 'Standard_D4s_v5',
    })),
    {
      machineName: 'RES-STATS-01',
      ...ubuntu,
      disks: disks(desResearch.id, 64),
      ...research,
      vmSize: 'Standard_D4s_v5',
      state: 'EnableMigrationFailed',
      health: 'Critical' as const,
      healthErrors: [
        {
          code: '78144',
          message: 'Enable replication failed because the Azure Migrate appliance lost contact with vCenter.',
          action: 'Check the appliance credentials for vCenter and retry enable replication.',
        },
      ],
    },
  ];
  for (const s of amsterdam) {
    const item = migrationItem(weu, s, clock);
    add(item);
    // A server whose migration completed has landed: its VM and disks are in the target group.
    if (s.state === 'MigrationSucceeded') add(...landedVm(item, s.targetLocation));
    if (s.testMigrated) add(testMigrateJob(item, clock));
  }
  // Agent-based migration (physical lab analysers and servers VMware's CBT cannot replicate): InMageRcm in its own vault.
  const agent = agentBasedInfrastructure({
    hubSubId: SUBS.hub,
    rg: 'rg-migrate-weu',
    location: 'westeurope',
    vault: 'rsv-mig-chx-agent',
    appliance: 'ams-replication',
  });
  add(...agent.resources);
  const agentServers = [
    ...range(1, 2).map((i) => ({
      machineName: `LAB-ANALYZER-0${i}`,
      ...win('2019'),
      discovery: 'PhysicalServer' as const,
      disks: disks(desProd.id, 128, 256),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    })),
    {
      machineName: 'DENTAL-APP-01',
      ...win('2016'),
      discovery: 'VMware' as const,
      disks: disks(undefined, 128, 512),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_D4s_v5',
    },
    {
      machineName: 'PHARMA-DB-01',
      ...win('2019'),
      discovery: 'PhysicalServer' as const,
      disks: disks(desHsm.id, 128, 1024),
      ...landing('rg-clinical-prod-weu'),
      vmSize: 'Standard_E8s_v5',
    },
  ];
  for (const s of agentServers) add(inMageRcmItem(agent, s, clock));
  // Disaster recovery of an Azure VM in the same vault: protected, but not a migration, so not a server here.
  add(a2aItem(agent, 'AZ-JUMPBOX-01', `${rgId(SUBS.landing, 'rg-infra-prod-weu')}/providers/Microsoft.Compute/virtualMachines/az-jumpbox-01`));
  for (const s of researchServers) add(migrationItem(neu, s, clock));

  return {
    kind: 'lockstep.estate',
    version: 1,
    capturedAt: CAPTURED_AT,
    tenantId: t,
    tenantDisplayName: 'Contoso Health',
    tenantDefaultDomain: 'contosohealth.onmicrosoft.com',
    subscriptions: [
      { subscriptionId: SUBS.landing, displayName: 'Contoso Health – Landing Zone', tenantId: t, state: 'Enabled' },
      { subscriptionId: SUBS.hub, displayName: 'Contoso Health – Migration Hub', tenantId: t, state: 'Enabled' },
      { subscriptionId: SUBS.security, displayName: 'Contoso Health – Shared Security', tenantId: t, state: 'Enabled' },
      { subscriptionId: SUBS.research, displayName: 'Contoso Health – Research', tenantId: t, state: 'Enabled' },
    ],
    users: Object.values(USERS).map((u) => ({ ...u, password: DEMO_PASSWORD })),
    applications: demoApplications(),
    resources,
  };
}

/** Lockstep and its CLI as registered in the demo tenant. */
export function demoApplications(): NonNullable<EstateFile['applications']> {
  return [
    // Directory.Read.All (admin-consented): the least privilege with which Graph resolves object ids to names.
    {
      appId: DEMO_CLIENT_ID,
      displayName: 'Lockstep',
      redirectUris: ['http://localhost:3000/', 'http://127.0.0.1:3000/', 'http://localhost:3001/'],
      graphPermissions: ['User.Read', 'Directory.Read.All'],
    },
    { appId: DEMO_CLI_CLIENT_ID, displayName: 'Lockstep CLI', redirectUris: ['http://localhost'], graphPermissions: ['User.Read', 'Directory.Read.All'] },
  ];
}

function setPolicies(vault: ArmResource, policies: { objectId: string; keys: string[] }[]): void {
  const props = vault.properties as { tenantId: string; accessPolicies: unknown[] };
  props.accessPolicies = policies.map((p) => ({
    tenantId: props.tenantId,
    objectId: p.objectId,
    permissions: { keys: p.keys, secrets: [], certificates: [] },
  }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

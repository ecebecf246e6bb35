/**
 * Fix-its: one small plan per repairable finding, applied with the same review, confirmation and
 * apply machinery as the wizard. Pure, like the planner.
 */
import { normalizeId, parseResourceId } from '../estate/ids';
import type { DiskEncryptionSet, Estate } from '../estate/model';
import { vaultOfDes } from '../estate/normalize';
import { RULES } from '../readiness/catalog';
import { API, grantSteps, planOf, rotatingKeyBody, trustedServicesAcls, url, type Plan, type PlanStep } from './steps';

export interface FixIt {
  ruleId: string;
  /** "Enable purge protection on kv-chx-legacy-weu" */
  title: string;
  plan: Plan;
}

/** The rules Lockstep can repair in one click: those whose definition says what the fix does (`fix`). */
export const FIXABLE_RULES: readonly string[] = RULES.filter((r) => r.fix).map((r) => r.id);

const readBack = (id: string, apiVersion: string, action: string, expect: PlanStep['expect'], bindings: PlanStep['bindings'] = []): PlanStep => ({
  id: 'verify',
  title: `Verify ${parseResourceId(id)?.name ?? id}`,
  status: 'pending',
  request: { method: 'GET', url: url(id, apiVersion) },
  dependsOn: ['fix'],
  why: 'Reads the resource back to confirm the change took effect.',
  bindings,
  action,
  scope: id,
  expect,
});

function desPatch(
  des: DiskEncryptionSet,
  title: string,
  why: string,
  properties: Record<string, unknown>,
  expect: PlanStep['expect'],
  stepId = 'fix',
  bindings: PlanStep['bindings'] = [],
): PlanStep[] {
  return [
    {
      id: stepId,
      title,
      status: 'pending',
      request: { method: 'PATCH', url: url(des.id, API.compute), body: { properties } },
      dependsOn: [],
      why,
      bindings,
      action: 'Microsoft.Compute/diskEncryptionSets/write',
      scope: des.id,
    },
    { ...readBack(des.id, API.compute, 'Microsoft.Compute/diskEncryptionSets/read', expect, bindings), dependsOn: [stepId] },
  ];
}

/** The repair for a finding on `resourceId`, or undefined when Lockstep cannot do it through ARM. */
export function fixFor(ruleId: string, resourceId: string, estate: Estate, options: { now: number }): FixIt | undefined {
  if (!FIXABLE_RULES.includes(ruleId)) return undefined;
  const id = normalizeId(resourceId);
  switch (ruleId) {
    case 'LS-KV-002': {
      const v = estate.keyVaults.get(id);
      // A Managed HSM is repaired with its own commands (the rule's remediation), not through this vault PATCH.
      if (!v || v.kind === 'managedHsm') return undefined;
      return {
        ruleId,
        title: `Enable purge protection on ${v.name}`,
        plan: planOf(
          [
            {
              id: 'fix',
              title: `Enable purge protection on ${v.name}`,
              status: 'pending',
              request: { method: 'PATCH', url: url(v.id, API.keyVault), body: { properties: { enablePurgeProtection: true } } },
              dependsOn: [],
              why: 'Azure requires purge protection on a vault that holds disk encryption keys: a deleted key then stays recoverable for the retention period.',
              bindings: [],
              action: 'Microsoft.KeyVault/vaults/write',
              scope: v.id,
            },
            readBack(v.id, API.keyVault, 'Microsoft.KeyVault/vaults/read', [
              { path: 'properties.enablePurgeProtection', equals: 'true', message: `Purge protection is still off on ${v.name}.` },
            ]),
          ],
          [
            `Turning on purge protection for ${v.name} is irreversible: it cannot be turned off, and the vault and its keys cannot be purged before the ${v.softDeleteRetentionInDays ?? 90}-day retention ends.`,
          ],
        ),
      };
    }
    case 'LS-KV-003': {
      const v = estate.keyVaults.get(id);
      if (!v || v.kind === 'managedHsm') return undefined;
      return {
        ruleId,
        title: `Let trusted Azure services through ${v.name}'s firewall`,
        plan: planOf([
          {
            id: 'fix',
            title: `Allow trusted services through ${v.name}'s firewall`,
            status: 'pending',
            request: { method: 'PATCH', url: url(v.id, API.keyVault), body: { properties: { networkAcls: trustedServicesAcls(v) } } },
            dependsOn: [],
            why: 'Azure Disk Storage reaches the key as a trusted service; the firewall keeps everything else out. IP and network rules are kept.',
            bindings: [],
            action: 'Microsoft.KeyVault/vaults/write',
            scope: v.id,
          },
          readBack(v.id, API.keyVault, 'Microsoft.KeyVault/vaults/read', [
            { path: 'properties.networkAcls.bypass', equals: 'AzureServices', message: `${v.name} still does not let trusted services through.` },
          ]),
        ]),
      };
    }
    case 'LS-DES-003': {
      const des = estate.diskEncryptionSets.get(id);
      const vault = des ? vaultOfDes(estate, des) : undefined;
      if (!des || vault?.state !== 'found' || !des.principalIds[0]) return undefined;
      const v = vault.value;
      const { grant, verify } = grantSteps({
        tenantId: estate.tenantId,
        vaultId: v.id,
        vaultName: v.name,
        rbac: v.enableRbacAuthorization === true,
        desId: des.id,
        principal: des.principalIds[0],
        bindings: [],
      });
      return { ruleId, title: `Grant ${des.name}'s identity access to its key in ${v.name}`, plan: planOf([grant, verify]) };
    }
    case 'LS-DES-006': {
      const des = estate.diskEncryptionSets.get(id);
      if (!des) return undefined;
      return {
        ruleId,
        title: `Turn on automatic key rotation for ${des.name}`,
        plan: planOf(
          desPatch(
            des,
            `Turn on automatic key rotation for ${des.name}`,
            'The DES then follows each new key version within hours, so a rotated key protects the disks without anyone editing the DES.',
            { rotationToLatestKeyVersionEnabled: true },
            [{ path: 'properties.rotationToLatestKeyVersionEnabled', equals: 'true', message: `Automatic key rotation is still off on ${des.name}.` }],
          ),
        ),
      };
    }
    case 'LS-DES-009': {
      const des = estate.diskEncryptionSets.get(id);
      if (!des?.key || !des.sourceVaultId) return undefined;
      const key = estate.keys.get(normalizeId(`${des.sourceVaultId}/keys/${des.key.keyName}`));
      if (!key?.currentVersion) return undefined;
      const keyUrl = `https://${des.key.host}/keys/${key.name}/${key.currentVersion}`;
      return {
        ruleId,
        title: `Move ${des.name} to the current version of ${key.name}`,
        plan: planOf(
          desPatch(
            des,
            `Move ${des.name} to key version ${key.currentVersion}`,
            'Disks re-wrap their data keys with the current key version; the old version can then be retired.',
            { activeKey: { keyUrl, sourceVault: { id: des.sourceVaultId } } },
            [{ path: 'properties.activeKey.keyUrl', equals: keyUrl, message: `${des.name} still uses an older key version.` }],
          ),
        ),
      };
    }
    case 'LS-KEY-007': {
      const key = estate.keys.get(id);
      if (!key) return undefined;
      const vault = estate.keyVaults.get(normalizeId(key.vaultId));
      const users = [...estate.diskEncryptionSets.values()].filter(
        (d) => d.key?.keyName.toLowerCase() === key.name.toLowerCase() && normalizeId(d.sourceVaultId ?? '') === normalizeId(key.vaultId),
      );
      if (!vault || users.length === 0) return undefined;
      const name = `${key.name}-rotating`.slice(0, 127);
      const newKeyId = `${vault.id}/keys/${name}`;
      const exists = estate.keys.get(normalizeId(newKeyId));
      const steps: PlanStep[] = [
        {
          id: 'key',
          title: `Create key ${name} with a rotation policy`,
          status: exists ? 'done' : 'pending',
          request: {
            method: 'PUT',
            url: url(newKeyId, API.keyVault),
            body: rotatingKeyBody({ kty: key.kty ?? 'RSA', size: Math.max(key.keySize ?? 3072, 3072), rotateEveryDays: 365, expiresInDays: 730 }, options.now),
          },
          dependsOn: [],
          why: "Azure Resource Manager cannot change an existing key's rotation policy (only Key Vault's data plane can), so the repair creates a key that has one.",
          bindings: [],
          action: 'Microsoft.KeyVault/vaults/keys/write',
          scope: vault.id,
        },
      ];
      users.forEach((des, i) => {
        const binding = [{ placeholder: '{{key.properties.keyUriWithVersion}}', step: 'key', path: 'properties.keyUriWithVersion' }];
        const [patch, verify] = desPatch(
          des,
          `Move ${des.name} to ${name}`,
          'Disks re-wrap their data keys with the new key; with automatic rotation on, the DES then follows its rotations.',
          { activeKey: { keyUrl: '{{key.properties.keyUriWithVersion}}', sourceVault: { id: vault.id } }, rotationToLatestKeyVersionEnabled: true },
          [{ path: 'properties.activeKey.keyUrl', equals: '{{key.properties.keyUriWithVersion}}', message: `${des.name} does not use ${name}.` }],
          `des-${i + 1}`,
          binding,
        );
        steps.push({ ...patch!, dependsOn: ['key'] }, { ...verify!, id: `verify-${i + 1}` });
      });
      return {
        ruleId,
        title: `Give ${users.map((d) => d.name).join(', ')} a key that rotates`,
        plan: planOf(steps, [`${key.name} stays in ${vault.name} after the move; disable it once nothing uses it.`]),
      };
    }
    default:
      return undefined;
  }
}

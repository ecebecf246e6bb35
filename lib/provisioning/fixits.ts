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

/**
 * The subscription a fix-it writes in: where its first write is scoped (a landed VM's repair writes in the VM's
 * subscription, not in the Azure Migrate project's that the finding names). Without the estate, the finding's own.
 */
export function fixSubscription(ruleId: string, resourceId: string, estate: Estate | undefined): string | undefined {
  const write = estate && fixFor(ruleId, resourceId, estate, { now: Math.floor(Date.now() / 1000) })?.plan.steps.find((s) => s.request.method !== 'GET');
  return parseResourceId(write?.scope ?? resourceId)?.subscriptionId;
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
    case 'LS-LND-003': {
      const server = estate.servers.find((x) => normalizeId(x.id) === id);
      const vmId = server?.landed?.found ? server.landed.vmId : undefined;
      const vm = vmId ? parseResourceId(vmId) : undefined;
      if (!server || !vmId || !vm?.subscriptionId) return undefined;
      return { ruleId, title: `Turn on encryption at host for ${vm.name}`, plan: encryptionAtHostPlan(vmId, vm.name, vm.subscriptionId, server.machineName) };
    }
    default:
      return undefined;
  }
}

/**
 * Encryption at host on a landed VM: register the subscription's EncryptionAtHost feature (a no-op when it is registered)
 * and wait for it, deallocate the VM (Compute changes the setting only then), turn it on, start the VM, read it back.
 */
function encryptionAtHostPlan(vmId: string, vmName: string, subscriptionId: string, machineName: string): Plan {
  const feature = `/subscriptions/${subscriptionId}/providers/Microsoft.Features/providers/Microsoft.Compute/features/EncryptionAtHost`;
  const sub = `/subscriptions/${subscriptionId}`;
  const step = (s: Omit<PlanStep, 'status' | 'bindings'>): PlanStep => ({ status: 'pending', bindings: [], ...s });
  return planOf(
    [
      step({
        id: 'register',
        title: 'Register the EncryptionAtHost feature in the subscription',
        request: { method: 'POST', url: url(`${feature}/register`, API.features) },
        dependsOn: [],
        why: 'Compute turns on encryption at host only in a subscription registered for Microsoft.Compute/EncryptionAtHost. Registering again changes nothing.',
        action: 'Microsoft.Features/providers/features/register/action',
        scope: sub,
      }),
      step({
        id: 'registered',
        title: 'Wait until the feature is registered',
        request: { method: 'GET', url: url(feature, API.features) },
        dependsOn: ['register'],
        why: 'A registration is "Registering" for a while; the VM is not stopped before it is "Registered".',
        action: 'Microsoft.Features/providers/features/read',
        scope: sub,
        expect: [{ path: 'properties.state', equals: 'Registered', message: 'The EncryptionAtHost feature is not registered yet: Resume later.' }],
        poll: { everyMs: 10_000, forMs: 15 * 60_000, waiting: 'The EncryptionAtHost feature is still registering.' },
      }),
      step({
        id: 'deallocate',
        title: `Stop (deallocate) ${vmName}`,
        request: { method: 'POST', url: url(`${vmId}/deallocate`, API.computeVm) },
        dependsOn: ['registered'],
        why: 'Compute changes encryption at host only on a deallocated VM.',
        action: 'Microsoft.Compute/virtualMachines/deallocate/action',
        scope: vmId,
      }),
      step({
        id: 'fix',
        title: `Turn on encryption at host for ${vmName}`,
        request: { method: 'PATCH', url: url(vmId, API.computeVm), body: { properties: { securityProfile: { encryptionAtHost: true } } } },
        dependsOn: ['deallocate'],
        why: "The temp disk and the host's disk caches are then encrypted with platform keys at the host, and the managed disks' data flows encrypted to storage.",
        action: 'Microsoft.Compute/virtualMachines/write',
        scope: vmId,
      }),
      step({
        id: 'start',
        title: `Start ${vmName}`,
        request: { method: 'POST', url: url(`${vmId}/start`, API.computeVm) },
        dependsOn: ['fix'],
        why: 'Brings the server back; until it starts it is down.',
        action: 'Microsoft.Compute/virtualMachines/start/action',
        scope: vmId,
      }),
      {
        ...readBack(vmId, API.computeVm, 'Microsoft.Compute/virtualMachines/read', [
          { path: 'properties.securityProfile.encryptionAtHost', equals: 'true', message: `Encryption at host is still off on ${vmName}.` },
        ]),
        dependsOn: ['start'],
      },
    ],
    [
      `Downtime: ${machineName} (VM ${vmName}) is stopped from deallocation until it starts again, usually a few minutes. Its temp disk is wiped and a dynamic public IP address can change.`,
    ],
  );
}

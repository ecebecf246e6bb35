/**
 * plan(intent, estate) → the ordered ARM requests that create what is missing for customer-managed
 * disk encryption (DESIGN §6): key vault → key → DES → access grant → verification. Pure: nothing
 * here sends a request; `apply` (next) runs the steps. A later step takes a value from an earlier
 * step's result through a visible binding (`{{des.identity.principalId}}`).
 */
import { ROLE_IDS } from '../estate/builtin-roles';
import { normalizeId, parseResourceId } from '../estate/ids';
import type { Estate, KeyVault } from '../estate/model';
import { normalizeRegion } from '../estate/normalize';
import { sha256Hex } from '../compliance/sha256';
import type { Problem } from '../estate/problem';
import { validateIntentProblems, type Intent } from './intent';

export { parseIntent, validateIntent, validateIntentProblems, type Intent } from './intent';
import { keyAccess } from '../readiness/evaluate';
import { blocksTrustedServices, sendsAuditLogs } from '../readiness/vault-facts';

export interface Binding {
  /** Text in the request body replaced by the value. */
  placeholder: string;
  /** The step whose result holds it, and where. */
  step: string;
  path: string;
}

/** A check on a step's result: the value at `path` must equal `equals` (placeholders allowed), or the list at `path` must hold an entry matching `contains`. */
export interface Expectation {
  path: string;
  equals?: string;
  contains?: Record<string, unknown>;
  /** Said when the check fails. */
  message: string;
}

export interface PlanStep {
  id: string;
  title: string;
  status: 'pending' | 'done';
  request: { method: 'GET' | 'PUT' | 'PATCH'; url: string; body?: unknown };
  dependsOn: string[];
  why: string;
  bindings: Binding[];
  /** The ARM action the step needs, and the scope it needs it on (for the preflight). */
  action: string;
  scope: string;
  expect?: Expectation[];
}

export interface Plan {
  kind: 'lockstep.plan';
  version: 1;
  steps: PlanStep[];
  warnings: string[];
  requiredActions: string[];
}

/** A plan, or what stops it: `problems` in words, `issues` the same with the field each is about. */
export type PlanResult = { ok: true; plan: Plan } | { ok: false; problems: string[]; issues: Problem[] };

export const API = {
  keyVault: '2026-02-01',
  compute: '2025-01-02',
  authorization: '2022-04-01',
  managedIdentity: '2023-01-31',
  diagnostics: '2021-05-01-preview',
} as const;

/** A GUID from text, so a re-planned role assignment gets the same name (idempotent PUT). */
export function stableGuid(text: string): string {
  const h = sha256Hex(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const url = (id: string, apiVersion: string) => `${id}?api-version=${apiVersion}`;

export function plan(intent: Intent, estate: Estate, options: { now: number }): PlanResult {
  const issues = validateIntentProblems(intent);
  const add = (path: string, message: string) => issues.push({ path, message });
  const region = normalizeRegion(intent.location)!;
  const rgId = `/subscriptions/${intent.subscriptionId}/resourceGroups/${intent.resourceGroup}`;
  const warnings: string[] = [];
  const steps: PlanStep[] = [];

  // The vault: a new one, or an existing one in the DES's region (repaired where needed).
  let vault: KeyVault | undefined;
  let vaultId: string;
  let vaultName: string;
  let rbac: boolean;
  if ('use' in intent.keyVault) {
    vault = estate.keyVaults.get(normalizeId(intent.keyVault.use));
    if (!vault) add('keyVault.use', `Key vault ${intent.keyVault.use} was not found in the estate.`);
    else if (vault.kind === 'managedHsm')
      add(
        'keyVault.use',
        `${vault.name} is a Managed HSM: Lockstep plans keys and grants in key vaults only (an HSM's keys and local RBAC are not managed through ARM).`,
      );
    else if (vault.location !== region)
      add(
        'keyVault.use',
        `Key vault ${vault.name} is in ${vault.location}; the disk encryption set will be in ${region}, and Azure requires both in the same region.`,
      );
    vaultId = vault?.id ?? intent.keyVault.use;
    vaultName = vault?.name ?? parseResourceId(intent.keyVault.use)?.name ?? 'vault';
    rbac = vault?.enableRbacAuthorization === true;
  } else {
    vaultName = intent.keyVault.create.name;
    vaultId = `${rgId}/providers/Microsoft.KeyVault/vaults/${vaultName}`;
    vault = estate.keyVaults.get(normalizeId(vaultId));
    const elsewhere = [...estate.keyVaults.values()].find(
      (v) => v.name.toLowerCase() === vaultName.toLowerCase() && normalizeId(v.id) !== normalizeId(vaultId),
    );
    if (elsewhere) add('keyVault.create.name', `The key vault name ${vaultName} is already taken by ${elsewhere.id}; vault names are global.`);
    rbac = vault ? vault.enableRbacAuthorization === true : true;
  }
  if ('create' in intent.key && 'use' in intent.keyVault && vault && intent.key.create.kty === 'RSA-HSM' && vault.sku?.toLowerCase() !== 'premium') {
    add('key.create.kty', `An RSA-HSM key needs a premium key vault; ${vault.name} is ${vault.sku ?? 'standard'}.`);
  }
  const sameNameDes = estate.diskEncryptionSets.get(normalizeId(`${rgId}/providers/Microsoft.Compute/diskEncryptionSets/${intent.diskEncryptionSet.name}`));
  if (sameNameDes && sameNameDes.location && sameNameDes.location !== region) {
    add(
      'diskEncryptionSet.name',
      `Disk encryption set ${sameNameDes.name} already exists in ${sameNameDes.location}, not ${region}: the servers' target region. Choose another name.`,
    );
  }
  if (issues.length > 0) return { ok: false, problems: issues.map((p) => p.message), issues };

  if ('create' in intent.keyVault) {
    steps.push({
      id: 'vault',
      title: `Create key vault ${vaultName}`,
      status: vault ? 'done' : 'pending',
      request: {
        method: 'PUT',
        url: url(vaultId, API.keyVault),
        body: {
          location: region,
          properties: {
            tenantId: estate.tenantId,
            sku: { family: 'A', name: intent.keyVault.create.sku },
            enableSoftDelete: true,
            softDeleteRetentionInDays: 90,
            enablePurgeProtection: true,
            enableRbacAuthorization: true,
            networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] },
          },
        },
      },
      dependsOn: [],
      why: 'A vault for disk keys needs soft delete and purge protection (Azure requires both), RBAC for auditable access, and a firewall that lets trusted services such as Azure Disk Storage in.',
      bindings: [],
      action: 'Microsoft.KeyVault/vaults/write',
      scope: rgId,
    });
    if (!vault) warnings.push(`Purge protection on ${vaultName} cannot be turned off, and the name stays reserved for 90 days after the vault is deleted.`);
  } else if (vault) {
    const repairs: Record<string, unknown> = {};
    if (vault.enablePurgeProtection !== true) {
      repairs.enablePurgeProtection = true;
      warnings.push(`Turning on purge protection for ${vault.name} is irreversible.`);
    }
    if (blocksTrustedServices(vault)) repairs.networkAcls = trustedServicesAcls(vault);
    if (Object.keys(repairs).length > 0) {
      steps.push({
        id: 'vault',
        title: `Repair key vault ${vault.name}`,
        status: 'pending',
        request: { method: 'PATCH', url: url(vault.id, API.keyVault), body: { properties: repairs } },
        dependsOn: [],
        why: 'The vault must keep deleted keys recoverable and let Azure Disk Storage through its firewall.',
        bindings: [],
        action: 'Microsoft.KeyVault/vaults/write',
        scope: vault.id,
      });
    }
  }
  const vaultStep = steps.some((s) => s.id === 'vault') ? ['vault'] : [];

  // Audit logs: who used, changed or deleted the key (the evidence an auditor asks for).
  if (intent.auditLogs?.workspaceId) {
    steps.push({
      id: 'audit',
      title: `Send ${vaultName}'s audit log to Log Analytics`,
      status: sendsAuditLogs(estate, vaultId) ? 'done' : 'pending',
      request: {
        method: 'PUT',
        url: url(`${vaultId}/providers/Microsoft.Insights/diagnosticSettings/lockstep-audit`, API.diagnostics),
        body: {
          properties: {
            workspaceId: intent.auditLogs.workspaceId,
            logs: [{ categoryGroup: 'audit', enabled: true }],
            metrics: [{ category: 'AllMetrics', enabled: true }],
          },
        },
      },
      dependsOn: vaultStep,
      why: 'Audit events show who used, changed or deleted a key and when (ISO/IEC 27001 8.15, NEN 7510 logging).',
      bindings: [],
      action: 'Microsoft.Insights/diagnosticSettings/write',
      scope: vaultId,
    });
  }

  // The key, with a rotation policy that rotates it.
  let keyUrlValue: string;
  const keyBindings: Binding[] = [];
  if ('create' in intent.key) {
    const k = intent.key.create;
    const keyId = `${vaultId}/keys/${k.name}`;
    const existing = estate.keys.get(normalizeId(keyId));
    steps.push({
      id: 'key',
      title: `Create key ${k.name}`,
      status: existing ? 'done' : 'pending',
      request: {
        method: 'PUT',
        url: url(keyId, API.keyVault),
        body: rotatingKeyBody(k, options.now),
      },
      dependsOn: vaultStep,
      why: 'Managed disks need an RSA key; the rotation policy creates new versions that the DES follows.',
      bindings: [],
      action: 'Microsoft.KeyVault/vaults/keys/write',
      scope: vaultId,
    });
    keyUrlValue = '{{key.properties.keyUriWithVersion}}';
    keyBindings.push({ placeholder: keyUrlValue, step: 'key', path: 'properties.keyUriWithVersion' });
  } else {
    const key = estate.keys.get(normalizeId(intent.key.use));
    if (!key?.currentVersion) {
      const message = `Key ${intent.key.use} was not found in the estate, or its current version is unknown.`;
      return { ok: false, problems: [message], issues: [{ path: 'key.use', message }] };
    }
    keyUrlValue = `https://${vaultName.toLowerCase()}.vault.azure.net/keys/${key.name}/${key.currentVersion}`;
  }

  // The DES, then the grant for its identity (a user-assigned identity is granted first).
  const desId = `${rgId}/providers/Microsoft.Compute/diskEncryptionSets/${intent.diskEncryptionSet.name}`;
  const existingDes = estate.diskEncryptionSets.get(normalizeId(desId));
  const userAssigned = typeof intent.diskEncryptionSet.identity === 'object' ? intent.diskEncryptionSet.identity.userAssigned : undefined;
  let grantPrincipal: string;
  let grantBindings: Binding[] = [];
  if (userAssigned) {
    const known = estate.userAssignedIdentities.get(normalizeId(userAssigned))?.principalId;
    if (known) grantPrincipal = known;
    else {
      // Not in the capture: read the identity first and take its principal from the answer.
      steps.push({
        id: 'identity',
        title: `Read managed identity ${parseResourceId(userAssigned)?.name ?? userAssigned}`,
        status: 'pending',
        request: { method: 'GET', url: url(userAssigned, API.managedIdentity) },
        dependsOn: [],
        why: "The grant names the identity's principal id, which the estate capture does not hold.",
        bindings: [],
        action: 'Microsoft.ManagedIdentity/userAssignedIdentities/read',
        scope: userAssigned,
      });
      grantPrincipal = '{{identity.properties.principalId}}';
      grantBindings = [{ placeholder: grantPrincipal, step: 'identity', path: 'properties.principalId' }];
    }
  } else if (existingDes?.principalIds[0]) {
    grantPrincipal = existingDes.principalIds[0];
  } else {
    grantPrincipal = '{{des.identity.principalId}}';
    grantBindings = [{ placeholder: grantPrincipal, step: 'des', path: 'identity.principalId' }];
  }
  const { grant: grantStep, verify: grantVerify } = grantSteps({
    tenantId: estate.tenantId,
    vaultId,
    vaultName,
    rbac,
    desId,
    principal: grantPrincipal,
    bindings: grantBindings,
    who: userAssigned ? `managed identity ${parseResourceId(userAssigned)?.name ?? userAssigned}` : undefined,
  });
  const desStep: PlanStep = {
    id: 'des',
    title: `Create disk encryption set ${intent.diskEncryptionSet.name}`,
    status: existingDes ? 'done' : 'pending',
    request: {
      method: 'PUT',
      url: url(desId, API.compute),
      body: {
        location: region,
        identity: userAssigned ? { type: 'UserAssigned', userAssignedIdentities: { [userAssigned]: {} } } : { type: 'SystemAssigned' },
        properties: {
          activeKey: { keyUrl: keyUrlValue, sourceVault: { id: vaultId } },
          encryptionType: intent.diskEncryptionSet.encryptionType,
          rotationToLatestKeyVersionEnabled: intent.diskEncryptionSet.autoRotate,
        },
      },
    },
    dependsOn: steps.some((s) => s.id === 'key') ? ['key'] : vaultStep,
    why: 'Azure Migrate needs the DES in the target subscription and region before replication starts.',
    bindings: keyBindings,
    action: 'Microsoft.Compute/diskEncryptionSets/write',
    scope: rgId,
  };
  // Idempotent: an existing DES whose identity already has access needs no new grant.
  if (existingDes && vault && keyAccess(estate, existingDes, vault).state === 'granted') grantStep.status = 'done';
  if (userAssigned) {
    grantStep.dependsOn = [...vaultStep, ...(steps.some((s) => s.id === 'identity') ? ['identity'] : [])];
    desStep.dependsOn = [...desStep.dependsOn, 'grant'];
    steps.push(grantStep, desStep);
  } else {
    grantStep.dependsOn = ['des'];
    steps.push(desStep, grantStep);
  }
  steps.push({
    id: 'verify',
    title: 'Verify the disk encryption set and its access',
    status: 'pending',
    request: { method: 'GET', url: url(desId, API.compute) },
    dependsOn: ['des', 'grant'],
    why: 'Reads back the DES to confirm it provisioned with its identity and key, then the grant that lets it use the key.',
    bindings: [],
    action: 'Microsoft.Compute/diskEncryptionSets/read',
    scope: desId,
    expect: [
      {
        path: 'properties.provisioningState',
        equals: 'Succeeded',
        message: `Disk encryption set ${intent.diskEncryptionSet.name} did not finish provisioning.`,
      },
      {
        path: 'properties.activeKey.sourceVault.id',
        equals: vaultId,
        message: `Disk encryption set ${intent.diskEncryptionSet.name} does not use ${vaultName}.`,
      },
    ],
  });
  steps.push(grantVerify);
  return { ok: true, plan: planOf(steps, warnings) };
}

/** A plan from its steps: the actions it needs are those of the writes still to run. */
export function planOf(steps: PlanStep[], warnings: string[] = []): Plan {
  const requiredActions = [...new Set(steps.filter((s) => s.status === 'pending' && s.request.method !== 'GET').map((s) => s.action))].sort();
  return { kind: 'lockstep.plan', version: 1, steps, warnings, requiredActions };
}

/** A wrap/unwrap key with a rotation policy that rotates it and notifies 30 days before expiry (`now` in seconds). */
export function rotatingKeyBody(k: { kty: string; size: number; rotateEveryDays: number; expiresInDays: number }, now: number) {
  return {
    properties: {
      kty: k.kty,
      keySize: k.size,
      keyOps: ['wrapKey', 'unwrapKey'],
      attributes: { enabled: true, exp: now + k.expiresInDays * 86400 },
      rotationPolicy: {
        attributes: { expiryTime: `P${k.expiresInDays}D` },
        lifetimeActions: [
          { trigger: { timeAfterCreate: `P${k.rotateEveryDays}D` }, action: { type: 'rotate' } },
          { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } },
        ],
      },
    },
  };
}

/** The vault firewall with trusted services let through. PATCH replaces networkAcls whole, so its IP and network rules go along. */
export function trustedServicesAcls(v: KeyVault) {
  return {
    defaultAction: v.networkDefaultAction ?? 'Deny',
    bypass: 'AzureServices',
    ipRules: v.ipRules ?? [],
    virtualNetworkRules: v.virtualNetworkRules ?? [],
  };
}

/**
 * The access grant for a DES identity on its vault (a role assignment of Key Vault Crypto Service
 * Encryption User for RBAC vaults, an access policy with get, wrapKey, unwrapKey otherwise) and
 * the step that reads it back.
 */
export function grantSteps(g: {
  tenantId: string;
  vaultId: string;
  vaultName: string;
  rbac: boolean;
  desId: string;
  principal: string;
  bindings: Binding[];
  who?: string;
}): { grant: PlanStep; verify: PlanStep } {
  const who = g.who ?? "the disk encryption set's identity";
  const roleDefinitionId = `/subscriptions/${parseResourceId(g.vaultId)?.subscriptionId ?? ''}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultCryptoServiceEncryptionUser}`;
  const assignmentUrl = url(
    `${g.vaultId}/providers/Microsoft.Authorization/roleAssignments/${stableGuid(`${normalizeId(g.vaultId)}|${normalizeId(g.desId)}|${ROLE_IDS.keyVaultCryptoServiceEncryptionUser}`)}`,
    API.authorization,
  );
  const grant: PlanStep = g.rbac
    ? {
        id: 'grant',
        title: `Grant ${who} Key Vault Crypto Service Encryption User on ${g.vaultName}`,
        status: 'pending',
        request: { method: 'PUT', url: assignmentUrl, body: { properties: { roleDefinitionId, principalId: g.principal, principalType: 'ServicePrincipal' } } },
        dependsOn: [],
        why: 'Without get, wrap and unwrap on the key, Azure Disk Storage cannot use it (KeyVaultAccessForbidden).',
        bindings: g.bindings,
        action: 'Microsoft.Authorization/roleAssignments/write',
        scope: g.vaultId,
      }
    : {
        id: 'grant',
        title: `Add an access policy for ${who} on ${g.vaultName}`,
        status: 'pending',
        request: {
          method: 'PUT',
          url: url(`${g.vaultId}/accessPolicies/add`, API.keyVault),
          body: { properties: { accessPolicies: [{ tenantId: g.tenantId, objectId: g.principal, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } }] } },
        },
        dependsOn: [],
        why: 'The vault uses access policies: the identity needs get, wrapKey and unwrapKey.',
        bindings: g.bindings,
        action: 'Microsoft.KeyVault/vaults/accessPolicies/write',
        scope: g.vaultId,
      };
  const verify: PlanStep = {
    id: 'verify-grant',
    title: g.rbac ? 'Verify the role assignment' : 'Verify the access policy',
    status: 'pending',
    request: { method: 'GET', url: g.rbac ? assignmentUrl : url(g.vaultId, API.keyVault) },
    dependsOn: ['grant'],
    why: "Reads back the grant: without it the DES cannot wrap or unwrap the disks' keys.",
    bindings: g.bindings.map((b) => ({ ...b })),
    action: g.rbac ? 'Microsoft.Authorization/roleAssignments/read' : 'Microsoft.KeyVault/vaults/read',
    scope: g.vaultId,
    expect: [
      g.rbac
        ? { path: 'properties.roleDefinitionId', equals: roleDefinitionId, message: 'The role assignment is missing or names another role.' }
        : {
            path: 'properties.accessPolicies',
            contains: { objectId: g.principal },
            message: `${g.vaultName} has no access policy for the disk encryption set's identity.`,
          },
    ],
  };
  return { grant, verify };
}

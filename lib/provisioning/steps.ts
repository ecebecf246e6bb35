/**
 * The steps of a plan and the builders that make them (DESIGN §6): each is one ARM request with why it is needed, the
 * action and scope the preflight checks, the values it takes from earlier steps (bindings) and how its result is
 * verified. Pure. The planner (plan.ts) and the fix-its (fixits.ts) both build their plans from these.
 */
import { ROLE_IDS } from '../estate/builtin-roles';
import { normalizeId, parseResourceId, sameId } from '../estate/ids';
import type { DiskPolicyAssignment, KeyVault } from '../estate/model';
import { ALLOWED_DES_DEFINITION_ID } from '../estate/policy';
import { sha256Hex } from '../compliance/sha256';

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
  request: { method: 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST'; url: string; body?: unknown };
  /** For a read: ask again every `everyMs`, up to `forMs`, while its expectations do not hold yet (a feature registering). */
  poll?: { everyMs: number; forMs: number; waiting: string };
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

/** What a plan still has to send: its writes and the checks (GETs) between them, in order, and how many steps are already done. */
export function pendingRequests(plan: Plan): { writes: PlanStep[]; checks: PlanStep[]; done: number } {
  const pending = plan.steps.filter((x) => x.status === 'pending');
  return {
    writes: pending.filter((x) => x.request.method !== 'GET'),
    checks: pending.filter((x) => x.request.method === 'GET'),
    done: plan.steps.length - pending.length,
  };
}

export const API = {
  keyVault: '2026-02-01',
  compute: '2025-01-02',
  authorization: '2022-04-01',
  managedIdentity: '2023-01-31',
  diagnostics: '2021-05-01-preview',
  /** Site Recovery, as Azure PowerShell's Az.Migrate recordings call it. */
  siteRecovery: '2024-01-01',
  policy: '2023-04-01',
  features: '2021-07-01',
  /** Virtual machines (Compute's VM api-versions differ from its disks'). */
  computeVm: '2024-11-01',
} as const;

/** A GUID from text, so a re-planned role assignment gets the same name (idempotent PUT). */
export function stableGuid(text: string): string {
  const h = sha256Hex(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const url = (id: string, apiVersion: string) => `${id}?api-version=${apiVersion}`;

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

/** A new key vault as a disk encryption set needs it: soft delete, purge protection, RBAC, and a firewall that lets trusted services in. */
export function newVaultStep(v: {
  vaultId: string;
  vaultName: string;
  rgId: string;
  region: string;
  tenantId: string;
  sku: string;
  exists: boolean;
}): PlanStep {
  return {
    id: 'vault',
    title: `Create key vault ${v.vaultName}`,
    status: v.exists ? 'done' : 'pending',
    request: {
      method: 'PUT',
      url: url(v.vaultId, API.keyVault),
      body: {
        location: v.region,
        properties: {
          tenantId: v.tenantId,
          sku: { family: 'A', name: v.sku },
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
    scope: v.rgId,
  };
}

/** A PATCH of an existing vault with what it lacks (purge protection, trusted services through the firewall). */
export function repairVaultStep(vault: KeyVault, repairs: Record<string, unknown>): PlanStep {
  return {
    id: 'vault',
    title: `Repair key vault ${vault.name}`,
    status: 'pending',
    request: { method: 'PATCH', url: url(vault.id, API.keyVault), body: { properties: repairs } },
    dependsOn: [],
    why: 'The vault must keep deleted keys recoverable and let Azure Disk Storage through its firewall.',
    bindings: [],
    action: 'Microsoft.KeyVault/vaults/write',
    scope: vault.id,
  };
}

/** The vault's audit log to a Log Analytics workspace. */
export function auditStep(a: { vaultId: string; vaultName: string; workspaceId: string; done: boolean; dependsOn: string[] }): PlanStep {
  return {
    id: 'audit',
    title: `Send ${a.vaultName}'s audit log to Log Analytics`,
    status: a.done ? 'done' : 'pending',
    request: {
      method: 'PUT',
      url: url(`${a.vaultId}/providers/Microsoft.Insights/diagnosticSettings/lockstep-audit`, API.diagnostics),
      body: {
        properties: {
          workspaceId: a.workspaceId,
          logs: [{ categoryGroup: 'audit', enabled: true }],
          metrics: [{ category: 'AllMetrics', enabled: true }],
        },
      },
    },
    dependsOn: a.dependsOn,
    why: 'Audit events show who used, changed or deleted a key and when (ISO/IEC 27001 8.15, NEN 7510 logging).',
    bindings: [],
    action: 'Microsoft.Insights/diagnosticSettings/write',
    scope: a.vaultId,
  };
}

/** A new key with a rotation policy (`now` in seconds). */
export function keyStep(k: {
  keyId: string;
  vaultId: string;
  key: { name: string; kty: string; size: number; rotateEveryDays: number; expiresInDays: number };
  now: number;
  done: boolean;
  dependsOn: string[];
}): PlanStep {
  return {
    id: 'key',
    title: `Create key ${k.key.name}`,
    status: k.done ? 'done' : 'pending',
    request: {
      method: 'PUT',
      url: url(k.keyId, API.keyVault),
      body: rotatingKeyBody(k.key, k.now),
    },
    dependsOn: k.dependsOn,
    why: 'Managed disks need an RSA key; the rotation policy creates new versions that the DES follows.',
    bindings: [],
    action: 'Microsoft.KeyVault/vaults/keys/write',
    scope: k.vaultId,
  };
}

/** Reads a user-assigned identity the capture does not hold, for its principal id. */
export function readIdentityStep(userAssigned: string): PlanStep {
  return {
    id: 'identity',
    title: `Read managed identity ${parseResourceId(userAssigned)?.name ?? userAssigned}`,
    status: 'pending',
    request: { method: 'GET', url: url(userAssigned, API.managedIdentity) },
    dependsOn: [],
    why: "The grant names the identity's principal id, which the estate capture does not hold.",
    bindings: [],
    action: 'Microsoft.ManagedIdentity/userAssignedIdentities/read',
    scope: userAssigned,
  };
}

/** The disk encryption set, with its identity and the key it wraps with. */
export function newDesStep(d: {
  desId: string;
  rgId: string;
  region: string;
  des: { name: string; encryptionType: string; autoRotate: boolean };
  userAssigned?: string;
  keyUrl: string;
  vaultId: string;
  done: boolean;
  dependsOn: string[];
  bindings: Binding[];
}): PlanStep {
  return {
    id: 'des',
    title: `Create disk encryption set ${d.des.name}`,
    status: d.done ? 'done' : 'pending',
    request: {
      method: 'PUT',
      url: url(d.desId, API.compute),
      body: {
        location: d.region,
        identity: d.userAssigned ? { type: 'UserAssigned', userAssignedIdentities: { [d.userAssigned]: {} } } : { type: 'SystemAssigned' },
        properties: {
          activeKey: { keyUrl: d.keyUrl, sourceVault: { id: d.vaultId } },
          encryptionType: d.des.encryptionType,
          rotationToLatestKeyVersionEnabled: d.des.autoRotate,
        },
      },
    },
    dependsOn: d.dependsOn,
    why: 'Azure Migrate needs the DES in the target subscription and region before replication starts.',
    bindings: d.bindings,
    action: 'Microsoft.Compute/diskEncryptionSets/write',
    scope: d.rgId,
  };
}

/** Reads back the DES: provisioned, and on the intended vault. */
export function verifyDesStep(v: { desId: string; desName: string; vaultId: string; vaultName: string }): PlanStep {
  return {
    id: 'verify',
    title: 'Verify the disk encryption set and its access',
    status: 'pending',
    request: { method: 'GET', url: url(v.desId, API.compute) },
    dependsOn: ['des', 'grant'],
    why: 'Reads back the DES to confirm it provisioned with its identity and key, then the grant that lets it use the key.',
    bindings: [],
    action: 'Microsoft.Compute/diskEncryptionSets/read',
    scope: v.desId,
    expect: [
      {
        path: 'properties.provisioningState',
        equals: 'Succeeded',
        message: `Disk encryption set ${v.desName} did not finish provisioning.`,
      },
      {
        path: 'properties.activeKey.sourceVault.id',
        equals: v.vaultId,
        message: `Disk encryption set ${v.desName} does not use ${v.vaultName}.`,
      },
    ],
  };
}

/** The guard's assignment name at a resource group: one per group, so planning again updates it instead of adding another. */
export const GUARD_ASSIGNMENT = 'lockstep-approved-des';

/** Lockstep's guard already assigned at this resource group, if any. */
export const guardAt = (assignments: DiskPolicyAssignment[], resourceGroupId: string) =>
  assignments.find((a) => a.name === GUARD_ASSIGNMENT && a.policy === 'allowedDes' && sameId(a.scope, resourceGroupId));

/** The resource groups a guard can cover for these servers: where they land, in the DES's subscription (disks use a set in their own). */
export function guardScopes(servers: { targetResourceGroupId?: string }[], subscriptionId: string): string[] {
  const groups = new Map<string, string>();
  for (const s of servers)
    if (s.targetResourceGroupId && sameId(parseResourceId(s.targetResourceGroupId)?.subscriptionId, subscriptionId))
      groups.set(normalizeId(s.targetResourceGroupId), s.targetResourceGroupId);
  return [...groups.values()];
}

/**
 * The policy guard: the built-in "Managed disks should use a specific set of disk encryption sets for the customer-managed
 * key encryption" (d461a302…) assigned with effect Deny on a target resource group, allowing the DES (and the sets an
 * earlier guard there allowed), so no disk lands there under a platform key or another set.
 */
export function policyGuardStep(g: {
  index: number;
  resourceGroupId: string;
  desId: string;
  desName: string;
  existing?: DiskPolicyAssignment;
  dependsOn: string[];
}): PlanStep {
  const rgName = parseResourceId(g.resourceGroupId)?.name ?? g.resourceGroupId;
  const kept = (g.existing?.allowedEncryptionSets ?? []).filter((id) => id !== normalizeId(g.desId));
  const allowed = [g.desId, ...kept];
  const done = !!g.existing && g.existing.effect === 'Deny' && g.existing.allowedEncryptionSets.includes(normalizeId(g.desId));
  return {
    id: `guard-${g.index}`,
    title: `Deny disks in ${rgName} that do not use ${g.desName} (Azure Policy)`,
    status: done ? 'done' : 'pending',
    request: {
      method: 'PUT',
      url: url(`${g.resourceGroupId}/providers/Microsoft.Authorization/policyAssignments/${GUARD_ASSIGNMENT}`, API.policy),
      body: {
        properties: {
          displayName: `Disks in ${rgName} use the approved disk encryption sets (Lockstep)`,
          description: `Assigned by Lockstep after securing ${g.desName}: a managed disk in ${rgName} under a platform key or another disk encryption set is refused.`,
          policyDefinitionId: ALLOWED_DES_DEFINITION_ID,
          enforcementMode: 'Default',
          parameters: { allowedEncryptionSets: { value: allowed }, effect: { value: 'Deny' } },
        },
      },
    },
    dependsOn: g.dependsOn,
    why: `Stops the next replication into ${rgName} from being enabled without a customer-managed key: Azure refuses any disk there whose disk encryption set is not ${allowed.length === 1 ? g.desName : 'one of the allowed sets'}.`,
    bindings: [],
    action: 'Microsoft.Authorization/policyAssignments/write',
    scope: g.resourceGroupId,
  };
}

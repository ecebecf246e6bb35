/**
 * plan(intent, estate) → the ordered ARM requests that create what is missing for customer-managed
 * disk encryption (DESIGN §6): key vault → key → DES → access grant → verification. Pure: nothing
 * here sends a request; `apply` (next) runs the steps. A later step takes a value from an earlier
 * step's result through a visible binding (`{{des.identity.principalId}}`).
 */
import { isAtOrBelow, normalizeId, parseResourceId } from '../estate/ids';
import type { Estate, KeyVault } from '../estate/model';
import { normalizeRegion } from '../estate/normalize';
import type { Problem } from '../estate/problem';
import { validateIntentProblems, type Intent } from './intent';
import {
  auditStep,
  grantSteps,
  keyStep,
  newDesStep,
  newVaultStep,
  planOf,
  policyGuardStep,
  guardAt,
  readIdentityStep,
  repairVaultStep,
  trustedServicesAcls,
  verifyDesStep,
  type Binding,
  type Plan,
  type PlanStep,
} from './steps';

import { keyAccess } from '../readiness/evaluate';
import { blocksTrustedServices, sendsAuditLogs } from '../readiness/vault-facts';

/** A plan, or what stops it: `problems` in words, `issues` the same with the field each is about. */
export type PlanResult = { ok: true; plan: Plan } | { ok: false; problems: string[]; issues: Problem[] };

/** Names in a sentence: all of them up to eight, else the first six and how many more. */
const namesOf = (names: string[]) => (names.length <= 8 ? names.join(', ') : `${names.slice(0, 6).join(', ')} and ${names.length - 6} more`);

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
    steps.push(newVaultStep({ vaultId, vaultName, rgId, region, tenantId: estate.tenantId, sku: intent.keyVault.create.sku, exists: !!vault }));
    if (!vault) warnings.push(`Purge protection on ${vaultName} cannot be turned off, and the name stays reserved for 90 days after the vault is deleted.`);
  } else if (vault) {
    const repairs: Record<string, unknown> = {};
    if (vault.enablePurgeProtection !== true) {
      repairs.enablePurgeProtection = true;
      warnings.push(`Turning on purge protection for ${vault.name} is irreversible.`);
    }
    if (blocksTrustedServices(vault)) repairs.networkAcls = trustedServicesAcls(vault);
    if (Object.keys(repairs).length > 0) {
      steps.push(repairVaultStep(vault, repairs));
    }
  }
  const vaultStep = steps.some((s) => s.id === 'vault') ? ['vault'] : [];

  // Audit logs: who used, changed or deleted the key (the evidence an auditor asks for).
  if (intent.auditLogs?.workspaceId) {
    steps.push(auditStep({ vaultId, vaultName, workspaceId: intent.auditLogs.workspaceId, done: sendsAuditLogs(estate, vaultId), dependsOn: vaultStep }));
  }

  // The key, with a rotation policy that rotates it.
  let keyUrlValue: string;
  const keyBindings: Binding[] = [];
  if ('create' in intent.key) {
    const k = intent.key.create;
    const keyId = `${vaultId}/keys/${k.name}`;
    const existing = estate.keys.get(normalizeId(keyId));
    steps.push(keyStep({ keyId, vaultId, key: k, now: options.now, done: !!existing, dependsOn: vaultStep }));
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
      steps.push(readIdentityStep(userAssigned));
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
  const desStep = newDesStep({
    desId,
    rgId,
    region,
    des: intent.diskEncryptionSet,
    userAssigned,
    keyUrl: keyUrlValue,
    vaultId,
    done: !!existingDes,
    dependsOn: steps.some((s) => s.id === 'key') ? ['key'] : vaultStep,
    bindings: keyBindings,
  });
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
  steps.push(verifyDesStep({ desId, desName: intent.diskEncryptionSet.name, vaultId, vaultName }));
  steps.push(grantVerify);

  // The guard, once the DES is secured: Azure Policy refuses any other disk in the servers' target groups.
  (intent.policyGuard?.resourceGroups ?? []).forEach((rg, index) => {
    const existing = guardAt(estate.policyAssignments, rg);
    const guard = policyGuardStep({
      index,
      resourceGroupId: rg,
      desId,
      desName: intent.diskEncryptionSet.name,
      existing,
      dependsOn: ['verify', 'verify-grant'],
    });
    steps.push(guard);
    if (guard.status === 'done') return;
    const allowed = new Set([normalizeId(desId), ...(existing?.allowedEncryptionSets ?? [])]);
    const refused = estate.servers.filter(
      (s) => s.targetResourceGroupId && isAtOrBelow(s.targetResourceGroupId, rg) && (s.disks ?? []).some((d) => !allowed.has(normalizeId(d.desId ?? ''))),
    );
    if (refused.length > 0)
      warnings.push(
        `Once the guard is assigned, Azure refuses new disks of ${namesOf(refused.map((s) => s.machineName))} in ${parseResourceId(rg)?.name ?? rg}: ${refused.length === 1 ? 'it replicates' : 'they replicate'} under a platform key or another disk encryption set, so replication or migration fails until ${refused.length === 1 ? 'it is' : 'they are'} re-replicated with ${intent.diskEncryptionSet.name}.`,
      );
  });
  return { ok: true, plan: planOf(steps, warnings) };
}

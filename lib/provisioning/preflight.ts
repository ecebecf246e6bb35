/**
 * Before anything runs: may the signed-in user do each step (the permissions API at the step's
 * scope against the step's action), who in the estate could do the ones they may not, the command
 * to hand over, and whether a new vault's name is free (checkNameAvailability).
 */
import type { ArmClientFactory } from '../azure/client-factory';
import { explainArmError } from '../azure/errors';
import { permissionsAt, vaultNameAvailability } from '../azure/permissions';
import { nameOf, scopeName } from '../readiness/wording';
import { isAtOrBelow, normalizeId, parseResourceId } from '../estate/ids';
import { permissionAllows, rolesGranting, type RolePermission } from '../estate/builtin-roles';
import type { DiskPolicyAssignment, Estate, ReplicatingServer } from '../estate/model';
import { assignmentLabel, denyingDisksUnder } from '../estate/policy';
import { GUARD_ASSIGNMENT, type Plan, type PlanStep } from './steps';
import { renderAzCli } from './render';

export interface StepCheck {
  stepId: string;
  title: string;
  action: string;
  scope: string;
  /** undefined: the permissions could not be read (said in `error`). */
  allowed?: boolean;
  error?: string;
  /** People (or principals) in the estate whose roles at or above the scope include the action. */
  whoCan: string[];
  rolesThatGrant: string[];
  /** The Azure CLI for this step alone, for someone who may run it. */
  handover?: string;
}

export interface Preflight {
  steps: StepCheck[];
  names: { name: string; available: boolean; message?: string }[];
  /** Azure Policy assignments that will refuse the disks the plan's DES is for (Deny), in words. */
  policies: string[];
  blocked: boolean;
}

/**
 * The Deny assignments of the disk-encryption built-ins that will refuse the disks of `servers` under the DES the plan
 * creates or uses, where they land: the DES is created fine, but their replication fails. The plan's own guard at a
 * group allows the DES, so it is not counted against it. Pure.
 */
export function policyConflicts(plan: Plan, estate: Estate, servers: ReplicatingServer[]): string[] {
  const desStep = plan.steps.find((s) => s.request.method === 'PUT' && /\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/?]+\?/i.test(s.request.url));
  if (!desStep) return [];
  const desId = desStep.request.url.split('?')[0]!;
  const guarded = new Set(plan.steps.filter((s) => s.id.startsWith('guard-')).map((s) => normalizeId(s.scope)));
  const byAssignment = new Map<string, { a: DiskPolicyAssignment; servers: string[] }>();
  for (const server of servers) {
    if (!server.targetResourceGroupId) continue;
    for (const a of denyingDisksUnder(estate.policyAssignments, server.targetResourceGroupId, desId)) {
      if (a.name === GUARD_ASSIGNMENT && guarded.has(normalizeId(a.scope))) continue;
      const hit = byAssignment.get(a.id) ?? { a, servers: [] };
      hit.servers.push(server.machineName);
      byAssignment.set(a.id, hit);
    }
  }
  const desName = nameOf(desId);
  return [...byAssignment.values()].map(
    ({ a, servers: names }) =>
      `Policy assignment ${assignmentLabel(a)} (Deny, at ${scopeName(estate, a.scope, { id: a.scope, label: nameOf(a.scope) })}) refuses disks under ${desName}: the replica disks of ${names.join(', ')} would be refused, so their replication fails. Have the assignment allow ${desName}, or choose a disk encryption set it allows.`,
  );
}

export function whoCan(estate: Estate, action: string, scope: string): string[] {
  const names = new Set<string>();
  for (const a of estate.roleAssignments) {
    if (!isAtOrBelow(scope, a.scope)) continue;
    const role = estate.roleDefinitions.get(a.roleDefinitionId.split('/').pop()!.toLowerCase());
    if (!role?.permissions.some((p) => permissionAllows(p, action))) continue;
    const who = estate.principals.get(a.principalId.toLowerCase()) ?? `object id ${a.principalId}`;
    names.add(`${who} (${role.roleName} on ${scopeName(estate, a.scope, { id: scope, label: nameOf(scope) })})`);
  }
  return [...names].sort();
}

/** The CLI for one step, with the earlier steps it takes values from shown as already done. */
export function handoverScript(plan: Plan, step: PlanStep): string {
  const sources = new Set(step.bindings.map((b) => b.step));
  const steps = plan.steps.filter((s) => sources.has(s.id)).map((s) => ({ ...s, status: 'done' as const }));
  return renderAzCli({ ...plan, steps: [...steps, step] });
}

export async function preflight(
  plan: Plan,
  factory: ArmClientFactory,
  estate: Estate,
  servers: ReplicatingServer[] = [],
  /** The signed-in principal's object id: a step scoped to a subscription is checked from its role assignments. */
  principalId?: string,
): Promise<Preflight> {
  const cache = new Map<string, Promise<RolePermission[]>>();
  const steps: StepCheck[] = [];
  for (const step of plan.steps.filter((s) => s.status === 'pending' && s.request.method !== 'GET')) {
    // A new resource is checked at its resource group; an existing one where it is.
    const exists = estate.raw.has(normalizeId(step.scope));
    const p = parseResourceId(step.scope);
    const scope = exists || !p?.resourceGroup ? step.scope : `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}`;
    const key = normalizeId(scope);
    if (!cache.has(key)) cache.set(key, permissionsAt(factory, scope, exists, principalId));
    const check: StepCheck = {
      stepId: step.id,
      title: step.title,
      action: step.action,
      scope: step.scope,
      whoCan: whoCan(estate, step.action, step.scope),
      rolesThatGrant: rolesGranting(step.action),
    };
    try {
      check.allowed = (await cache.get(key)!).some((perm) => permissionAllows(perm, step.action));
    } catch (e) {
      const x = explainArmError(e);
      check.error = `${x.title}: ${x.detail}`;
    }
    if (check.allowed === false) check.handover = handoverScript(plan, step);
    steps.push(check);
  }
  const names: Preflight['names'] = [];
  for (const step of plan.steps.filter(
    (s) => s.status === 'pending' && s.request.method === 'PUT' && /\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+\?/i.test(s.request.url),
  )) {
    const p = parseResourceId(step.request.url.split('?')[0]!)!;
    try {
      names.push({ name: p.name, ...(await vaultNameAvailability(factory, p.subscriptionId!, p.name)) });
    } catch (e) {
      names.push({ name: p.name, available: true, message: `Could not check: ${explainArmError(e).detail}` });
    }
  }
  return { steps, names, policies: policyConflicts(plan, estate, servers), blocked: steps.some((s) => s.allowed === false) || names.some((n) => !n.available) };
}

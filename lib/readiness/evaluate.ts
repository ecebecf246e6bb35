/**
 * evaluate(estate) → findings and a verdict per server (DESIGN §5). Pure: time and settings are
 * parameters. Findings on a DES, its vault or its key propagate to every server whose disks use it.
 */
import { permissionAllowsData } from '../estate/builtin-roles';
import { isAtOrBelow, normalizeId } from '../estate/ids';
import type { DiskEncryptionSet, Estate, KeyVault } from '../estate/model';
import { isManagedHsmHost, lookup, vaultOfDes } from '../estate/normalize';
import { nameOf } from './wording';
import { runSync, STRIDE, type Steps } from '../estate/steps';
import { RULES, desRuleSet, keyRuleSet, serverRuleSet, vaultRuleSet } from './catalog';
import { DEFAULT_SETTINGS } from './settings';
import type {
  AccessState,
  DesSubject,
  EvalContext,
  Evaluation,
  Finding,
  KeyUse,
  Rule,
  ServerResult,
  ServerSubject,
  Settings,
  Severity,
  Verdict,
} from './types';

const KEY_DATA_ACTIONS = ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'];
const POLICY_NEEDS = ['get', 'wrapKey', 'unwrapKey'];

/** Can any of the DES's identities get, wrap and unwrap its key? */
export function keyAccess(estate: Estate, des: DiskEncryptionSet, vault: KeyVault): AccessState {
  if (des.principalIds.length === 0) return { state: 'not-evaluated' };
  const principals = des.principalIds.map((p) => p.toLowerCase());
  if (vault.enableRbacAuthorization === true) {
    const gap = estate.gaps.find((g) => /role ?assignments?/i.test(g.operation) && (isAtOrBelow(vault.id, g.scope) || isAtOrBelow(g.scope, vault.id)));
    if (gap) return { state: 'unreadable', reason: `role assignments on ${nameOf(vault.id)} could not be read (${gap.status} ${gap.code})` };
    const keyScope = `${vault.id}/keys/${des.key?.keyName ?? ''}`;
    const sets = estate.roleAssignments
      .filter((a) => principals.includes(a.principalId.toLowerCase()) && isAtOrBelow(keyScope, a.scope))
      .flatMap((a) => estate.roleDefinitions.get(a.roleDefinitionId.split('/').pop()!.toLowerCase())?.permissions ?? []);
    const missing = KEY_DATA_ACTIONS.filter((action) => !sets.some((p) => permissionAllowsData(p, action)));
    if (missing.length === 0) return { state: 'granted' };
    return {
      state: 'missing',
      detail:
        sets.length === 0
          ? 'its identity has no role assignment on the key, the vault or above it that grants keys/read, keys/wrap/action and keys/unwrap/action (Key Vault Crypto Service Encryption User does).'
          : `its roles on the vault do not grant ${missing.map((m) => m.replace('Microsoft.KeyVault/vaults/', '')).join(', ')}.`,
    };
  }
  const policies = vault.accessPolicies.filter((a) => principals.includes(a.objectId.toLowerCase()));
  if (policies.length === 0) return { state: 'missing', detail: 'its identity has no access policy with get, wrapKey and unwrapKey.' };
  const lacks = (keys: string[]) => {
    const have = keys.map((k) => k.toLowerCase());
    return have.includes('all') ? [] : POLICY_NEEDS.filter((n) => !have.includes(n.toLowerCase()));
  };
  const best = policies.map((p) => lacks(p.keys)).sort((a, b) => a.length - b.length)[0]!;
  return best.length === 0 ? { state: 'granted' } : { state: 'missing', detail: `its access policy lacks ${best.join(' and ')}.` };
}

export function desSubject(estate: Estate, des: DiskEncryptionSet): DesSubject {
  const vault = vaultOfDes(estate, des);
  const keyStore = isManagedHsmHost(des.key?.host) ? 'managedHsm' : 'vault';
  // A federated client id and a vault this tenant does not hold: the key is in another tenant.
  if (des.federatedClientId && vault.state !== 'found' && des.key) {
    const crossTenant = { applicationId: des.federatedClientId, host: des.key.host, vaultName: des.key.vaultName, keyName: des.key.keyName };
    return {
      des,
      keyStore,
      vault,
      crossTenant,
      access: {
        state: 'unverifiable',
        reason: `the key is in ${des.key.host}, in another tenant, reached through application ${des.federatedClientId}`,
        command: `az role assignment list --scope <vault id in the key's tenant>/keys/${des.key.keyName} --assignee ${des.federatedClientId}   # signed in to the key's tenant`,
      },
    };
  }
  if (vault.state !== 'found') return { des, keyStore, vault, access: { state: 'not-evaluated' } };
  const v = vault.value;
  if (v.kind === 'managedHsm') {
    // ARM shows the HSM (purge protection, soft delete, network, security domain) but not its keys or its local RBAC.
    const principal = des.principalIds[0];
    return {
      des,
      keyStore: 'managedHsm',
      vault,
      access: principal
        ? {
            state: 'unverifiable',
            reason: `ARM does not show the local role assignments of Managed HSM ${v.name}`,
            command: `az keyvault role assignment list --hsm-name ${v.name} --scope /keys/${des.key?.keyName ?? '<key>'} --assignee ${principal}`,
          }
        : { state: 'not-evaluated' },
    };
  }
  const access = keyAccess(estate, des, v);
  if (!des.key) return { des, keyStore, vault, access };
  const keyId = `${v.id}/keys/${des.key.keyName}`;
  const key = lookup(estate, estate.keys, keyId);
  if (key.state !== 'found') return { des, keyStore, vault, key, access };
  const k = key.value;
  const version = des.key.version;
  const isCurrent = !!version && !!k.currentVersion && version.toLowerCase() === k.currentVersion.toLowerCase();
  const versionRes = version ? estate.keyVersions.get(normalizeId(`${keyId}/versions/${version}`)) : undefined;
  const versionExists = isCurrent || !!versionRes;
  const keyUse: KeyUse | undefined = versionExists
    ? {
        des,
        vault: v,
        key: k,
        version,
        attributes: versionRes?.attributes ?? k.attributes,
        kty: versionRes?.kty ?? k.kty,
        keySize: versionRes?.keySize ?? k.keySize,
      }
    : undefined;
  return { des, keyStore, vault, key, versionExists, keyUse, access };
}

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

const EFFECT = new Map(RULES.map((r) => [r.id, r.effect]));

/** The worst of blocked (a critical finding) > unprotected > unknown > attention (high or medium) > ready, from the rules' severities and effects. */
export function verdictOf(findings: Pick<Finding, 'ruleId' | 'severity'>[]): Verdict {
  if (findings.some((f) => f.severity === 'critical')) return 'blocked';
  if (findings.some((f) => EFFECT.get(f.ruleId) === 'unprotected')) return 'unprotected';
  if (findings.some((f) => EFFECT.get(f.ruleId) === 'unknown')) return 'unknown';
  if (findings.some((f) => f.severity === 'high' || f.severity === 'medium')) return 'attention';
  return 'ready';
}

export function evaluate(estate: Estate, options: { settings?: Partial<Settings>; now: number }): Evaluation {
  return runSync(evaluateSteps(estate, options));
}

/** `evaluate`, as steps: one per server judged (see steps.ts). */
export function* evaluateSteps(estate: Estate, options: { settings?: Partial<Settings>; now: number }): Steps<Evaluation> {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const ctx: EvalContext = { estate, settings, now: options.now };
  const findings = new Map<string, Finding>();
  const serverFindings: Finding[] = [];
  // DES, key and vault findings are shared by many servers, so the same one is kept once.
  const add = <S>(rule: Rule<S>, subject: S): Finding[] => {
    const out: Finding[] = [];
    for (const message of rule.evaluate(subject, ctx)) {
      const resourceId = rule.resourceOf(subject);
      const key = `${rule.id}|${normalizeId(resourceId)}|${message}`;
      let f = findings.get(key);
      if (!f) {
        f = { ruleId: rule.id, severity: rule.severity, resourceId, message, serverIds: [] };
        findings.set(key, f);
      }
      out.push(f);
    }
    return out;
  };
  // A server's own findings name that server: nothing to share, so no lookup.
  const addForServer = (rule: Rule<ServerSubject>, subject: ServerSubject): Finding[] => {
    const out: Finding[] = [];
    for (const message of rule.evaluate(subject, ctx)) {
      const f: Finding = { ruleId: rule.id, severity: rule.severity, resourceId: subject.server.id, message, serverIds: [] };
      serverFindings.push(f);
      out.push(f);
    }
    return out;
  };
  const byRank = (a: Finding, b: Finding) => RANK[a.severity] - RANK[b.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

  // Vaults: every captured vault.
  const vaultFindings = new Map<string, Finding[]>();
  for (const v of estate.keyVaults.values())
    vaultFindings.set(
      normalizeId(v.id),
      vaultRuleSet.flatMap((r) => add(r, v)),
    );

  // DES, with their keys: every captured DES.
  const desSubjects = new Map<string, DesSubject>();
  const desFindings = new Map<string, Finding[]>();
  for (const des of estate.diskEncryptionSets.values()) {
    const s = desSubject(estate, des);
    desSubjects.set(normalizeId(des.id), s);
    const own = desRuleSet.flatMap((r) => add(r, s));
    if (s.vault.state === 'found') {
      own.push(...vaultFindings.get(normalizeId(s.vault.value.id))!);
      if (s.keyUse) for (const r of keyRuleSet) own.push(...add(r, s.keyUse));
    }
    desFindings.set(normalizeId(des.id), own);
  }

  const serversOf = new Map<Finding, Set<string>>();
  const servers: ServerResult[] = [];
  for (const server of estate.servers) {
    if (servers.length % STRIDE === 0) yield { phase: 'Judging servers', done: servers.length, total: estate.servers.length };
    const ids: string[] = [];
    for (const d of server.disks ?? []) if (d.desId && !ids.some((x) => normalizeId(x) === normalizeId(d.desId!))) ids.push(d.desId);
    const deses = ids.map((id) => ({ id, lookup: lookup(estate, estate.diskEncryptionSets, id) }));
    const unreadable: string[] = [];
    if (!server.disks || server.disks.length === 0) {
      // A list entry without disks whose detail read failed is a gap on the item itself: say so, never "no disks".
      const detailGap = estate.gaps.find((g) => normalizeId(g.scope) === normalizeId(server.id));
      unreadable.push(
        detailGap
          ? `its disk details could not be read (${detailGap.operation} failed: ${detailGap.status} ${detailGap.code})`
          : 'the replication item reports no disks',
      );
    }
    // A server that landed is judged by its VM and disks: one the capture does not hold is a gap, never "fine".
    if (server.landed && !server.landed.found) {
      const gap = estate.gaps.find((g) => normalizeId(g.scope) === normalizeId(server.landed!.vmId));
      unreadable.push(
        gap
          ? `its landed VM ${nameOf(server.landed.vmId)} could not be read (${gap.operation} failed: ${gap.status} ${gap.code})`
          : `no VM named ${nameOf(server.landed.vmId)} was found in its target resource group`,
      );
    }
    for (const d of server.landed?.disks ?? []) if (!d.found) unreadable.push(`its landed disk ${d.name} could not be read`);
    for (const d of deses) {
      if (d.lookup.state === 'unreadable') unreadable.push(`disk encryption set ${nameOf(d.id)} could not be read (${d.lookup.reason})`);
      if (d.lookup.state !== 'found') continue;
      const s = desSubjects.get(normalizeId(d.id))!;
      if (s.crossTenant) unreadable.push(`the key of ${s.des.name} is in another tenant (${s.crossTenant.host}) and cannot be verified from this one`);
      else if (s.vault.state === 'unreadable')
        unreadable.push(`the ${s.keyStore === 'managedHsm' ? 'Managed HSM' : 'key vault'} of ${s.des.name} could not be read (${s.vault.reason})`);
      if (s.key?.state === 'unreadable') unreadable.push(`key ${s.des.key?.keyName} could not be read (${s.key.reason})`);
      if (s.access.state === 'unreadable') unreadable.push(`access to the key of ${s.des.name} could not be checked: ${s.access.reason}`);
    }
    const subject: ServerSubject = { server, deses, unreadable, policies: estate.policyAssignments };
    const chain = serverRuleSet.flatMap((r) => addForServer(r, subject));
    for (const d of deses) if (d.lookup.state === 'found') chain.push(...(desFindings.get(normalizeId(d.id)) ?? []));
    const unique = [...new Set(chain)].sort(byRank);
    // A vault finding can reach thousands of servers: track membership in a set, not by scanning the array.
    for (const f of unique) {
      let members = serversOf.get(f);
      if (!members) serversOf.set(f, (members = new Set()));
      if (!members.has(server.id)) {
        members.add(server.id);
        f.serverIds.push(server.id);
      }
    }
    servers.push({
      id: server.id,
      name: server.machineName,
      verdict: verdictOf(unique),
      ruleIds: [...new Set(unique.map((f) => f.ruleId))].sort(),
      findings: unique,
    });
  }

  const summary = { servers: servers.length, ready: 0, attention: 0, unknown: 0, unprotected: 0, blocked: 0 };
  for (const s of servers) summary[s.verdict]++;
  const all = [...findings.values(), ...serverFindings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || b.serverIds.length - a.serverIds.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return { evaluatedAt: new Date(options.now * 1000).toISOString(), settings, servers, findings: all, summary, des: desSubjects };
}

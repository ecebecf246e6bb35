/**
 * Grid rows and chain pictures from an evaluation (pure): what the Replicating servers page and
 * the server details show, so components only render.
 */
import { normalizeId } from '../estate/ids';
import type { Estate } from '../estate/model';
import { runSync, STRIDE, type Steps } from '../estate/steps';
import { nameOf, targetSubscriptionName } from './wording';
import type { Evaluation, Finding, Severity, Verdict } from './types';

export type Health = 'healthy' | 'warning' | 'critical' | 'unknown' | 'none';
export type EncryptionKind = 'customer' | 'double' | 'platform' | 'mixed' | 'unknown';

export interface ServerRow {
  id: string;
  name: string;
  /** How Azure Migrate replicates it: agentless (VMwareCbt) or agent-based (InMageRcm, InMageAzureV2). */
  method: 'agentless' | 'agent-based';
  project: string;
  subscription: string;
  /** Where the VM will land (the subscription of its target resource group). */
  targetSubscription: string;
  targetRegion: string;
  state: string;
  progress?: number;
  disks: number;
  capacityGiB: number;
  encryption: EncryptionKind;
  desName: string;
  desHealth: Health;
  vaultName: string;
  vaultHealth: Health;
  /** `pending` while the rest of the chain is still being read. */
  verdict: Verdict | 'pending';
  topFinding?: Finding;
  findings: Finding[];
}

export interface ChainLink {
  kind: 'disk' | 'des' | 'vault' | 'key' | 'access';
  /** What to call this link when its kind's usual name is wrong (a key store that is a Managed HSM). */
  kindLabel?: string;
  label: string;
  detail: string;
  health: Health;
  findings: Finding[];
}

const WORST: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function healthOf(findings: Finding[]): Health {
  const sev = WORST.find((s) => findings.some((f) => f.severity === s));
  if (!sev) return 'healthy';
  if (sev === 'critical') return 'critical';
  if (sev === 'high' || sev === 'medium') return 'warning';
  return 'healthy';
}

export function serverRows(estate: Estate, e: Evaluation): ServerRow[] {
  return runSync(serverRowsSteps(estate, e));
}

/** `serverRows`, as steps: one per row (see steps.ts). */
export function* serverRowsSteps(estate: Estate, e: Evaluation): Steps<ServerRow[]> {
  const byId = new Map(e.servers.map((s) => [normalizeId(s.id), s]));
  const projects = new Map(estate.projects.map((p) => [normalizeId(p.id), p.name]));
  const rows: ServerRow[] = [];
  for (const server of estate.servers) {
    if (rows.length % STRIDE === 0) yield { phase: 'Listing servers', done: rows.length, total: estate.servers.length };
    const result = byId.get(normalizeId(server.id))!;
    const disks = server.disks ?? [];
    const desIds = [...new Set(disks.filter((d) => d.desId).map((d) => normalizeId(d.desId!)))];
    const firstDes = desIds[0] ? estate.diskEncryptionSets.get(desIds[0]) : undefined;
    const subject = desIds[0] ? e.des.get(desIds[0]) : undefined;
    const vault = subject?.vault.state === 'found' ? subject.vault.value : undefined;
    const keysOf = vault ? normalizeId(vault.id) + '/keys/' : undefined;
    const onKey = (f: Finding) => !!keysOf && normalizeId(f.resourceId).startsWith(keysOf);
    const desFindings = result.findings.filter((f) => desIds.includes(normalizeId(f.resourceId)) || onKey(f));
    // A vault's health covers the keys it holds, as on the key-vault list (resource-rows).
    const vaultFindings = vault ? result.findings.filter((f) => normalizeId(f.resourceId) === normalizeId(vault.id) || onKey(f)) : [];
    const withDes = disks.filter((d) => d.desId).length;
    const types = desIds.map((id) => estate.diskEncryptionSets.get(id)?.encryptionType);
    const encryption: EncryptionKind =
      disks.length === 0
        ? 'unknown'
        : withDes === 0
          ? 'platform'
          : withDes < disks.length
            ? 'mixed'
            : types.every((t) => t === 'EncryptionAtRestWithPlatformAndCustomerKeys')
              ? 'double'
              : 'customer';
    const vaultName = vault?.name ?? firstDes?.key?.vaultName ?? (desIds.length > 0 ? '—' : '');
    const sub = estate.subscriptions.get(server.subscriptionId.toLowerCase());
    rows.push({
      id: server.id,
      name: server.machineName,
      method: server.method,
      project: (server.projectId && projects.get(normalizeId(server.projectId))) || nameOf(server.vaultId),
      subscription: sub?.displayName ?? server.subscriptionId,
      targetSubscription: targetSubscriptionName(estate, server.targetSubscriptionId),
      targetRegion: server.targetRegion ?? '',
      state: server.migrationStateDescription ?? server.migrationState ?? 'Unknown',
      progress: server.migrationState === 'InitialSeedingInProgress' ? server.seedingProgress : undefined,
      disks: disks.length,
      capacityGiB: Math.round(disks.reduce((a, d) => a + (d.sizeBytes ?? 0), 0) / 1024 ** 3),
      encryption,
      desName: desIds.length === 0 ? '' : desIds.length === 1 ? (firstDes?.name ?? nameOf(desIds[0]!)) : `${desIds.length} sets`,
      // The same judgement as the DES list's (resource-rows): a vault that cannot be read leaves the DES's health unknown.
      desHealth:
        desIds.length === 0
          ? 'none'
          : !firstDes
            ? result.ruleIds.includes('LS-SRV-002')
              ? 'critical'
              : 'unknown'
            : subject?.vault.state === 'unreadable'
              ? 'unknown'
              : healthOf(desFindings),
      vaultName,
      vaultHealth: desIds.length === 0 ? 'none' : !vault ? (subject?.vault.state === 'not-found' ? 'critical' : 'unknown') : healthOf(vaultFindings),
      verdict: result.verdict,
      topFinding: result.findings[0],
      findings: result.findings,
    });
  }
  return rows;
}

/** disk → DES → key vault → key → access, each with its state and the findings that concern it. */
export function chainOf(estate: Estate, e: Evaluation, serverId: string): ChainLink[] {
  const server = estate.servers.find((s) => normalizeId(s.id) === normalizeId(serverId));
  const result = e.servers.find((s) => normalizeId(s.id) === normalizeId(serverId));
  if (!server || !result) return [];
  const disks = server.disks ?? [];
  const without = disks.filter((d) => !d.desId);
  const serverFindings = result.findings.filter((f) => normalizeId(f.resourceId) === normalizeId(server.id));
  const links: ChainLink[] = [
    {
      kind: 'disk',
      label: `${disks.length} ${disks.length === 1 ? 'disk' : 'disks'}`,
      detail:
        disks.length === 0
          ? 'No disk details reported'
          : without.length > 0
            ? `${without.length} without a disk encryption set`
            : 'Every disk names a disk encryption set',
      health: disks.length === 0 ? 'unknown' : without.length > 0 ? 'warning' : 'healthy',
      findings: serverFindings.filter((f) => f.ruleId === 'LS-SRV-001' || f.ruleId === 'LS-SRV-008'),
    },
  ];
  const desId = disks.find((d) => d.desId)?.desId;
  if (!desId)
    return [
      ...links,
      ...(['des', 'vault', 'key', 'access'] as const).map((kind) => ({
        kind,
        label: '—',
        detail: 'Not used: platform-managed keys',
        health: 'none' as Health,
        findings: [],
      })),
    ];
  const subject = e.des.get(normalizeId(desId));
  const des = subject?.des;
  const on = (id: string | undefined, rules?: string[]) =>
    result.findings.filter((f) => id && normalizeId(f.resourceId) === normalizeId(id) && (!rules || rules.includes(f.ruleId)));
  const srvDes = serverFindings.filter((f) => ['LS-SRV-002', 'LS-SRV-003', 'LS-SRV-004', 'LS-SRV-005', 'LS-SRV-006'].includes(f.ruleId));
  const desOwn = [...srvDes, ...on(des?.id, ['LS-DES-001', 'LS-DES-002', 'LS-DES-005', 'LS-DES-006', 'LS-DES-007', 'LS-DES-008', 'LS-DES-009'])];
  const TYPE: Record<string, string> = {
    EncryptionAtRestWithCustomerKey: 'Customer key',
    EncryptionAtRestWithPlatformAndCustomerKeys: 'Double encryption',
    ConfidentialVmEncryptedWithCustomerKey: 'Confidential VM',
  };
  links.push({
    kind: 'des',
    label: des?.name ?? nameOf(desId),
    detail: des ? `${TYPE[des.encryptionType ?? ''] ?? des.encryptionType ?? 'Type not set'} · ${des.location ?? ''}` : 'Not found or not readable',
    health: !des ? (srvDes.length ? 'critical' : 'unknown') : healthOf(desOwn),
    findings: desOwn,
  });
  const vault = subject?.vault.state === 'found' ? subject.vault.value : undefined;
  const vaultOwn = [...on(des?.id, ['LS-DES-004']), ...on(vault?.id)];
  const xt = subject?.crossTenant;
  const hsm = subject?.keyStore === 'managedHsm';
  const vaultDetail = xt
    ? `In another tenant (${xt.host}), reached through application ${xt.applicationId}: not visible from this tenant`
    : vault
      ? `${vault.kind === 'managedHsm' ? 'Managed HSM · local RBAC' : vault.enableRbacAuthorization ? 'Azure RBAC' : 'Access policies'} · ${vault.location ?? ''}`
      : subject?.vault.state === 'not-found'
        ? 'Does not exist'
        : 'Could not be read';
  links.push({
    kind: 'vault',
    ...(hsm ? { kindLabel: 'Managed HSM' } : {}),
    label: vault?.name ?? des?.key?.vaultName ?? '—',
    detail: vaultDetail,
    health: !des ? 'unknown' : !vault ? (subject?.vault.state === 'not-found' ? 'critical' : 'unknown') : healthOf(vaultOwn),
    findings: [...vaultOwn, ...on(des?.id, ['LS-DES-010'])],
  });
  const keyId = vault && des?.key ? `${vault.id}/keys/${des.key.keyName}` : undefined;
  const keyOwn = on(keyId);
  const keyDetail = subject?.keyUse
    ? `${subject.keyUse.kty ?? ''} ${subject.keyUse.keySize ?? ''} · version ${subject.keyUse.version?.slice(0, 8) ?? '?'}`
    : xt
      ? 'In another tenant: its state is verified there'
      : hsm && vault
        ? 'In a Managed HSM: its attributes are not visible through ARM'
        : 'Not found or not readable';
  links.push({
    kind: 'key',
    label: des?.key?.keyName ?? '—',
    detail: keyDetail,
    health: !vault ? 'unknown' : keyOwn.length ? healthOf(keyOwn) : subject?.keyUse ? 'healthy' : 'unknown',
    findings: keyOwn,
  });
  const accessOwn = on(des?.id, ['LS-DES-003', 'LS-DES-011']);
  const access = subject?.access;
  links.push({
    kind: 'access',
    label: 'Access grant',
    detail:
      access?.state === 'granted'
        ? 'get, wrap and unwrap granted'
        : access?.state === 'missing'
          ? 'Missing'
          : access?.state === 'unreadable'
            ? 'Could not be checked'
            : access?.state === 'unverifiable'
              ? 'Not verifiable through ARM: the finding below has the command that checks it'
              : 'Not evaluated',
    health: access?.state === 'granted' ? 'healthy' : access?.state === 'missing' ? 'critical' : access?.state === 'unverifiable' ? 'warning' : 'unknown',
    findings: accessOwn,
  });
  return links;
}

export interface Coverage {
  servers: number;
  protectedServers: number;
  capacityGiB: number;
  protectedCapacityGiB: number;
}

/**
 * What will land under a customer key and healthy: servers whose verdict is ready or attention
 * (every disk has a DES, nothing critical, the chain was readable), by count and by disk capacity.
 */
export function coverageOf(rows: ServerRow[]): Coverage {
  const ok = rows.filter((r) => r.verdict === 'ready' || r.verdict === 'attention');
  return {
    servers: rows.length,
    protectedServers: ok.length,
    capacityGiB: rows.reduce((a, r) => a + r.capacityGiB, 0),
    protectedCapacityGiB: ok.reduce((a, r) => a + r.capacityGiB, 0),
  };
}

export interface TopFinding {
  ruleId: string;
  severity: Severity;
  /** Servers affected by any finding of this rule. */
  servers: number;
  findings: number;
  example: Finding;
}

/** The findings of one rule, with how many servers any of them reaches. */
export interface RuleGroup {
  ruleId: string;
  severity: Severity;
  servers: number;
  findings: Finding[];
}

/** Findings grouped one per rule, ranked by severity, then by how many servers they reach (the Overview, the report). */
export function findingsByRule(findings: Finding[]): RuleGroup[] {
  const byRule = new Map<string, RuleGroup & { ids: Set<string> }>();
  for (const f of findings) {
    let g = byRule.get(f.ruleId);
    if (!g) byRule.set(f.ruleId, (g = { ruleId: f.ruleId, severity: f.severity, servers: 0, findings: [], ids: new Set() }));
    g.findings.push(f);
    for (const id of f.serverIds) g.ids.add(id);
  }
  return [...byRule.values()]
    .map(({ ids, ...g }) => ({ ...g, servers: ids.size }))
    .sort((a, b) => WORST.indexOf(a.severity) - WORST.indexOf(b.severity) || b.servers - a.servers || a.ruleId.localeCompare(b.ruleId));
}

/** Rules ranked by severity, then by how many servers they reach. */
export function topFindings(e: Evaluation, limit = 5): TopFinding[] {
  return findingsByRule(e.findings)
    .filter((g) => g.servers > 0)
    .slice(0, limit)
    .map((g) => ({ ruleId: g.ruleId, severity: g.severity, servers: g.servers, findings: g.findings.length, example: g.findings[0]! }));
}

export interface RowFilters {
  q?: string;
  verdict?: string;
  subscription?: string;
  project?: string;
  method?: string;
  region?: string;
  des?: string;
  vault?: string;
  /** Comma-separated rule ids: servers with a finding of any of them (the compliance drill-down). */
  rules?: string;
}

/** The grid's filters: each one exact, `q` a case-insensitive substring of any text column. */
export function filterRows(rows: ServerRow[], f: RowFilters): ServerRow[] {
  const needle = f.q?.trim().toLowerCase();
  const rules = f.rules ? f.rules.split(',').filter(Boolean) : undefined;
  // Nothing to filter by: the rows themselves, not a copy of 10,000 references on every keystroke that clears the box.
  if (!needle && !rules && !f.verdict && !f.subscription && !f.project && !f.method && !f.region && !f.des && !f.vault) return rows;
  return rows.filter(
    (r) =>
      (!f.verdict || r.verdict === f.verdict) &&
      (!f.subscription || r.subscription === f.subscription) &&
      (!f.project || r.project === f.project) &&
      (!f.method || r.method === f.method) &&
      (!f.region || r.targetRegion === f.region) &&
      (!f.des || r.desName === f.des) &&
      (!f.vault || r.vaultName === f.vault) &&
      (!rules || r.findings.some((x) => rules.includes(x.ruleId) && x.severity !== 'low' && x.severity !== 'info')) &&
      (!needle || haystackOf(r).includes(needle)),
  );
}

/** What the text filter searches, lower-cased once per row (a keystroke at 10,000 rows would otherwise lower-case 80,000 strings). */
const haystacks = new WeakMap<ServerRow, string>();
function haystackOf(r: ServerRow): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    // Joined with a character no field contains, so a needle never matches across two fields.
    h = [r.name, r.project, r.subscription, r.targetRegion, r.desName, r.vaultName, r.state, r.topFinding?.message ?? ''].join('\u0000').toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

/** Rows for servers read so far, before their chains are: shown while the inventory runs. */
export function pendingRows(estate: Estate): ServerRow[] {
  const projects = new Map(estate.projects.map((p) => [normalizeId(p.id), p.name]));
  return estate.servers.map((server) => {
    const disks = server.disks ?? [];
    const desIds = [...new Set(disks.filter((d) => d.desId).map((d) => normalizeId(d.desId!)))];
    const withDes = disks.filter((d) => d.desId).length;
    return {
      id: server.id,
      name: server.machineName,
      method: server.method,
      project: (server.projectId && projects.get(normalizeId(server.projectId))) || nameOf(server.vaultId),
      subscription: estate.subscriptions.get(server.subscriptionId.toLowerCase())?.displayName ?? server.subscriptionId,
      targetSubscription: targetSubscriptionName(estate, server.targetSubscriptionId),
      targetRegion: server.targetRegion ?? '',
      state: server.migrationStateDescription ?? server.migrationState ?? 'Unknown',
      progress: server.migrationState === 'InitialSeedingInProgress' ? server.seedingProgress : undefined,
      disks: disks.length,
      capacityGiB: Math.round(disks.reduce((a, d) => a + (d.sizeBytes ?? 0), 0) / 1024 ** 3),
      encryption: disks.length === 0 ? 'unknown' : withDes === 0 ? 'platform' : withDes < disks.length ? 'mixed' : 'customer',
      desName: desIds.length === 0 ? '' : desIds.length === 1 ? nameOf(desIds[0]!) : `${desIds.length} sets`,
      desHealth: desIds.length === 0 ? 'none' : 'unknown',
      vaultName: '',
      vaultHealth: desIds.length === 0 ? 'none' : 'unknown',
      verdict: 'pending',
      findings: [],
    };
  });
}

/**
 * The compliance picture (pure): control status from findings, key custody, blast radius and
 * what expires or rotates soon.
 */
import { permissionAllows, ROLE_IDS } from '../estate/builtin-roles';
import { isAtOrBelow, normalizeId } from '../estate/ids';
import type { Estate, KeyVault } from '../estate/model';
import { scopeName } from '../readiness/wording';
import { RULES } from '../readiness/catalog';
import type { Evaluation } from '../readiness/types';
import { CONTROLS, type Control } from './controls';

export type ControlStatus = 'met' | 'not-met' | 'cannot-tell';

export interface ControlResult {
  id: string;
  title: string;
  framework: string;
  rationale: string;
  status: ControlStatus;
  failing: { rules: string[]; resources: number; servers: number };
}

/**
 * A control is not met when a rule mapped to it fails with critical, high or medium severity
 * (low and info findings do not fail a control, as they do not change a verdict); it cannot be
 * told when nothing fails but part of an estate could not be read; else it is met.
 */
export function controlResults(e: Evaluation, gaps: number, controls: readonly Control[] = CONTROLS): ControlResult[] {
  const cannotRead = gaps > 0 || e.summary.unknown > 0;
  const effect = new Map(RULES.map((r) => [r.id, r.effect]));
  return controls.map((c) => {
    // A finding that says what could not be read or verified makes a control "cannot tell", never "not met".
    const unsure = (f: { ruleId: string }) => effect.get(f.ruleId) === 'unknown' || effect.get(f.ruleId) === 'unverifiable';
    const failing = e.findings.filter(
      (f) => c.rules.includes(f.ruleId) && !unsure(f) && (f.severity === 'critical' || f.severity === 'high' || f.severity === 'medium'),
    );
    const unverified = e.findings.some((f) => c.rules.includes(f.ruleId) && unsure(f));
    const servers = new Set(failing.flatMap((f) => f.serverIds));
    const resources = new Set(failing.map((f) => normalizeId(f.resourceId)));
    const status: ControlStatus = failing.length > 0 ? 'not-met' : cannotRead || unverified ? 'cannot-tell' : 'met';
    return {
      id: c.id,
      title: c.title,
      framework: c.framework,
      rationale: c.rationale,
      status,
      failing: { rules: [...new Set(failing.map((f) => f.ruleId))].sort(), resources: resources.size, servers: servers.size },
    };
  });
}

export interface KeyHolder {
  principalId: string;
  name: string;
  /** "Owner on the subscription", "access policy: delete, purge" */
  how: string;
}

export interface KeyCustody {
  keyId: string;
  vault: string;
  vaultId: string;
  key: string;
  kty?: string;
  keySize?: number;
  hsmBacked: boolean;
  /** In a Managed HSM: its type, size, dates and rotation are in the HSM's data plane, not visible through ARM. */
  inManagedHsm?: boolean;
  /** Unix seconds. */
  created?: number;
  expires?: number;
  rotates: boolean;
  /** ISO-8601 duration of the rotate action (`P90D`), when there is one. */
  rotateAfter?: string;
  lastRotation?: string;
  purgeProtection: boolean;
  /** Who can delete, purge or re-permission the key. */
  holders: KeyHolder[];
  /** What stops if the key is disabled, deleted or its access revoked. */
  blast: { servers: number; capacityGiB: number; des: string[] };
}

const POWER_ROLES = [ROLE_IDS.owner, ROLE_IDS.contributor, ROLE_IDS.userAccessAdministrator, ROLE_IDS.keyVaultAdministrator, ROLE_IDS.keyVaultCryptoOfficer];

/**
 * Who can delete, purge or re-permission what a vault holds: powerful ARM roles at or above it, access policies
 * with delete or purge, and for a Managed HSM its local administrators.
 */
function holdersOf(estate: Estate, vault: KeyVault): KeyHolder[] {
  const holders: KeyHolder[] = [];
  const name = (id: string) => estate.principals.get(id.toLowerCase()) ?? id;
  const deleteAction = vault.kind === 'managedHsm' ? 'Microsoft.KeyVault/managedHSMs/delete' : 'Microsoft.KeyVault/vaults/delete';
  for (const a of estate.roleAssignments) {
    const role = estate.roleDefinitions.get(a.roleDefinitionId.split('/').pop()!.toLowerCase());
    if (!role || !isAtOrBelow(vault.id, a.scope)) continue;
    const powerful =
      POWER_ROLES.includes(role.name.toLowerCase() as (typeof POWER_ROLES)[number]) ||
      role.permissions.some((p) => permissionAllows(p, deleteAction) || permissionAllows(p, 'Microsoft.Authorization/roleAssignments/write'));
    if (powerful)
      holders.push({
        principalId: a.principalId,
        name: name(a.principalId),
        how: `${role.roleName} on ${scopeName(estate, a.scope, { id: vault.id, label: vault.kind === 'managedHsm' ? 'the HSM' : 'the vault' })}`,
      });
  }
  if (vault.kind === 'managedHsm') {
    for (const admin of vault.administrators ?? [])
      holders.push({
        principalId: admin,
        name: name(admin),
        how: 'Managed HSM administrator (local RBAC, at creation; later local assignments are not visible through ARM)',
      });
  } else if (vault.enableRbacAuthorization !== true) {
    for (const p of vault.accessPolicies) {
      const dangerous = p.keys.filter((k) => ['all', 'delete', 'purge'].includes(k.toLowerCase()));
      if (dangerous.length > 0) holders.push({ principalId: p.objectId, name: name(p.objectId), how: `access policy: ${dangerous.join(', ')}` });
    }
  }
  return holders;
}

/** Every key that protects a replicating disk, with who controls it and what depends on it. */
export function keyCustody(estate: Estate, e: Evaluation): KeyCustody[] {
  const byKey = new Map<string, KeyCustody>();
  for (const server of estate.servers) {
    const perKey = new Map<string, number>();
    for (const disk of server.disks ?? []) {
      if (!disk.desId) continue;
      const subject = e.des.get(normalizeId(disk.desId));
      const use = subject?.keyUse;
      // A Managed HSM key: ARM cannot read it, but its HSM, who controls that, and what depends on it are known.
      const hsm = !use && subject?.keyStore === 'managedHsm' && subject.vault.state === 'found' && subject.des.key ? subject.vault.value : undefined;
      if (!use && !hsm) continue;
      const des = (use?.des ?? subject!.des)!;
      const vault = use?.vault ?? hsm!;
      const keyId = use?.key.id ?? `${vault.id}/keys/${des.key!.keyName}`;
      const id = normalizeId(keyId);
      let c = byKey.get(id);
      if (!c) {
        const holders = holdersOf(estate, vault);
        c = use
          ? {
              keyId,
              vault: vault.name,
              vaultId: vault.id,
              key: use.key.name,
              kty: use.kty,
              keySize: use.keySize,
              hsmBacked: (use.kty ?? '').toUpperCase().endsWith('-HSM'),
              created: use.key.attributes.created,
              expires: use.attributes.exp,
              rotates: use.key.rotates === true,
              rotateAfter: use.key.rotateAfter,
              lastRotation: use.des.lastKeyRotationTimestamp,
              purgeProtection: vault.enablePurgeProtection === true,
              holders,
              blast: { servers: 0, capacityGiB: 0, des: [] },
            }
          : {
              keyId,
              vault: vault.name,
              vaultId: vault.id,
              key: des.key!.keyName,
              hsmBacked: true,
              inManagedHsm: true,
              rotates: false,
              lastRotation: des.lastKeyRotationTimestamp,
              purgeProtection: vault.enablePurgeProtection === true,
              holders,
              blast: { servers: 0, capacityGiB: 0, des: [] },
            };
        byKey.set(id, c);
      }
      if (!c.blast.des.includes(des.name)) c.blast.des.push(des.name);
      perKey.set(id, (perKey.get(id) ?? 0) + (disk.sizeBytes ?? 0));
    }
    for (const [id, bytes] of perKey) {
      const c = byKey.get(id)!;
      c.blast.servers++;
      c.blast.capacityGiB += Math.round(bytes / 1024 ** 3);
    }
  }
  return [...byKey.values()].sort((a, b) => b.blast.capacityGiB - a.blast.capacityGiB || b.blast.servers - a.blast.servers);
}

/** `P90D`, `P3M`, `P1Y`, `P1Y6M` → days (months as 30, years as 365). */
export function durationDays(iso: string | undefined): number | undefined {
  const m = iso?.match(/^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i);
  if (!m || m.slice(1).every((x) => x === undefined)) return undefined;
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
}

/** `P90D` → "90 days", `P1Y6M` → "1 year and 6 months", `P1W` → "1 week"; the ISO text itself when it is not a duration of dates. */
export function durationInWords(iso: string): string {
  const m = iso.match(/^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i);
  if (!m || m.slice(1).every((x) => x === undefined)) return iso;
  const parts = (['year', 'month', 'week', 'day'] as const)
    .map((unit, i) => [Number(m[i + 1] ?? 0), unit] as const)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  if (parts.length === 0) return iso;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export interface Upcoming {
  keyId: string;
  key: string;
  vault: string;
  kind: 'expiry' | 'rotation';
  /** Unix seconds. */
  at: number;
}

/** Key expiries and scheduled rotations in the next `days` days, soonest first. */
export function upcoming(custody: KeyCustody[], now: number, days = 90): Upcoming[] {
  const until = now + days * 86400;
  const out: Upcoming[] = [];
  for (const c of custody) {
    if (c.expires !== undefined && c.expires > now && c.expires <= until)
      out.push({ keyId: c.keyId, key: c.key, vault: c.vault, kind: 'expiry', at: c.expires });
    const every = durationDays(c.rotateAfter);
    if (c.rotates && every && c.created !== undefined) {
      let next = c.created + every * 86400;
      while (next <= now) next += every * 86400;
      if (next <= until) out.push({ keyId: c.keyId, key: c.key, vault: c.vault, kind: 'rotation', at: next });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

export interface CoverageGroup {
  name: string;
  servers: number;
  protectedServers: number;
  capacityGiB: number;
  protectedCapacityGiB: number;
}

/** Coverage (ready or attention = under a customer key with a healthy chain) grouped by a row field. */
export function coverageBy<R extends { verdict: string; capacityGiB: number }>(rows: R[], key: (r: R) => string): CoverageGroup[] {
  const groups = new Map<string, CoverageGroup>();
  for (const r of rows) {
    const name = key(r) || '—';
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, servers: 0, protectedServers: 0, capacityGiB: 0, protectedCapacityGiB: 0 }));
    const ok = r.verdict === 'ready' || r.verdict === 'attention';
    g.servers++;
    g.capacityGiB += r.capacityGiB;
    if (ok) {
      g.protectedServers++;
      g.protectedCapacityGiB += r.capacityGiB;
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

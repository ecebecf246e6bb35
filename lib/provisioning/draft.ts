/**
 * What the wizard starts from: an intent pre-filled from the servers it secures, the vaults and
 * keys it may reuse (the incompatible ones with the reason), and what happens to those servers
 * once the DES exists. Pure: the wizard renders it, tests judge it.
 */
import { normalizeId, parseResourceId } from '../estate/ids';
import type { Estate, Key, KeyVault, ReplicatingServer } from '../estate/model';
import { blocksTrustedServices, sendsAuditLogs } from '../readiness/vault-facts';
import type { Intent } from './intent';

export interface Choice<T> {
  value: T;
  /** Empty when it can be used; otherwise why not. */
  problems: string[];
  /** Usable, with repairs the plan will add. */
  repairs: string[];
}

const WEEK = 7 * 86400;

/** A vault name derived from the DES name: letters, digits and single hyphens, 3-24 characters. */
export function suggestVaultName(desName: string, taken: (name: string) => boolean): string {
  const base = `kv-${desName.replace(/^des-/i, '')}`
    .replace(/[^a-zA-Z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 21)
    .replace(/-$/, '');
  for (let i = 0; i < 100; i++) {
    const name = i === 0 ? base : `${base.slice(0, 21)}${i}`;
    if (!taken(name.toLowerCase())) return name;
  }
  return base;
}

/** A new key for a DES: RSA 3072, rotated yearly, expiring after two years. */
export function newKey(desName: string): Intent['key'] {
  return { create: { name: `${desName}-key`.slice(0, 127), kty: 'RSA', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } };
}

/** A new standard vault named after the DES, with a name no captured vault has. */
export function newVault(estate: Estate, desName: string): Intent['keyVault'] {
  const taken = new Set([...estate.keyVaults.values()].map((v) => v.name.toLowerCase()));
  return { create: { name: suggestVaultName(desName, (n) => taken.has(n)), sku: 'standard' } };
}

/** The Log Analytics workspace the estate's diagnostic settings already send to, if any. */
export function auditWorkspace(estate: Estate): string | undefined {
  return estate.diagnosticSettings.map((d) => d.workspaceId).find(Boolean);
}

/** The regions and resource groups the Basics step offers: those the estate knows, plus the current choice. */
export function scopeOptions(estate: Estate, current: Pick<Intent, 'subscriptionId' | 'resourceGroup' | 'location'>): { regions: string[]; groups: string[] } {
  const regions = new Set(
    [current.location, ...[...estate.keyVaults.values()].map((v) => v.location), ...estate.servers.map((x) => x.targetRegion)].filter((r): r is string => !!r),
  );
  const groups = new Set([current.resourceGroup].filter(Boolean));
  for (const r of estate.raw.values()) {
    const p = parseResourceId(r.id);
    if (p?.resourceGroup && p.subscriptionId?.toLowerCase() === current.subscriptionId.toLowerCase()) groups.add(p.resourceGroup);
  }
  return { regions: [...regions].sort(), groups: [...groups].sort() };
}

export interface Draft {
  intent: Intent;
  servers: ReplicatingServer[];
  /** Why the scope is what it is ("DICT-APP-01 and DICT-APP-02 point at des-weu-prod-02, which does not exist"). */
  notes: string[];
  /** Problems with the selection itself (servers landing in different subscriptions or regions). */
  problems: string[];
}

export function draftIntent(estate: Estate, serverIds: string[] = [], options: { subscriptionId?: string } = {}): Draft {
  const wanted = new Set(serverIds.map(normalizeId));
  const servers = estate.servers.filter((s) => wanted.has(normalizeId(s.id)));
  const notes: string[] = [];
  const problems: string[] = [];
  const subs = [...new Set(servers.map((s) => s.targetSubscriptionId?.toLowerCase()).filter(Boolean))] as string[];
  const regions = [...new Set(servers.map((s) => s.targetRegion).filter(Boolean))] as string[];
  if (subs.length > 1)
    problems.push(
      `The selected servers land in ${subs.length} subscriptions; a disk encryption set serves one subscription. Select servers with the same target subscription.`,
    );
  if (regions.length > 1)
    problems.push(
      `The selected servers land in ${regions.join(' and ')}; a disk encryption set serves one region. Select servers with the same target region.`,
    );

  // Servers that point at a DES that does not exist: create exactly that one.
  const missing = [
    ...new Set(
      servers.flatMap((s) => (s.disks ?? []).map((d) => d.desId).filter((id): id is string => !!id && !estate.diskEncryptionSets.has(normalizeId(id)))),
    ),
  ];
  const firstSub = subs[0] ?? options.subscriptionId?.toLowerCase() ?? [...estate.subscriptions.values()][0]?.subscriptionId ?? '';
  const sub = estate.subscriptions.get(firstSub)?.subscriptionId ?? firstSub;
  const location = regions[0] ?? 'westeurope';
  const existingDesHere = [...estate.diskEncryptionSets.values()].filter(
    (d) => d.subscriptionId.toLowerCase() === sub.toLowerCase() && d.location === location,
  );
  let resourceGroup: string;
  let desName: string;
  const target = missing.length === 1 ? parseResourceId(missing[0]!) : undefined;
  if (target?.resourceGroup && target.subscriptionId?.toLowerCase() === sub.toLowerCase()) {
    resourceGroup = target.resourceGroup;
    desName = target.name;
    notes.push(
      `${servers
        .filter((s) => s.disks?.some((d) => d.desId && normalizeId(d.desId) === normalizeId(missing[0]!)))
        .map((s) => s.machineName)
        .join(', ')} replicate to ${target.name}, which does not exist: the wizard creates it under that name, in ${target.resourceGroup}.`,
    );
  } else {
    resourceGroup = existingDesHere[0]?.resourceGroup ?? parseResourceId(servers[0]?.targetResourceGroupId ?? '')?.name ?? '';
    const regionCode = { westeurope: 'weu', northeurope: 'neu' }[location] ?? location.slice(0, 6);
    const used = new Set([...estate.diskEncryptionSets.values()].map((d) => d.name.toLowerCase()));
    let n = 1;
    while (used.has(`des-${regionCode}-cmk-${String(n).padStart(2, '0')}`)) n++;
    desName = `des-${regionCode}-cmk-${String(n).padStart(2, '0')}`;
    if (existingDesHere[0]) notes.push(`Other disk encryption sets in this subscription and region live in ${resourceGroup}.`);
  }
  const vaults = vaultChoices(estate, location);
  const reuse = vaults.find((c) => c.problems.length === 0 && c.repairs.length === 0 && c.value.subscriptionId.toLowerCase() === sub.toLowerCase());
  const workspace = auditWorkspace(estate);
  const intent: Intent = {
    kind: 'lockstep.intent',
    version: 1,
    subscriptionId: sub,
    resourceGroup,
    location,
    keyVault: reuse && !target ? { use: reuse.value.id } : newVault(estate, desName),
    key: newKey(desName),
    diskEncryptionSet: { name: desName, encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
    ...(workspace ? { auditLogs: { workspaceId: workspace } } : {}),
  };
  return { intent, servers, notes, problems };
}

/** Every vault the user can see, judged for a DES in `location`. */
export function vaultChoices(estate: Estate, location: string): Choice<KeyVault>[] {
  return [...estate.keyVaults.values()]
    .map((v) => {
      const problems: string[] = [];
      const repairs: string[] = [];
      if (v.kind === 'managedHsm')
        problems.push(
          'It is a Managed HSM: guided setup creates keys and grants in key vaults; create an HSM key with az keyvault key create --hsm-name and grant it with az keyvault role assignment create.',
        );
      if (v.location !== location) problems.push(`It is in ${v.location ?? 'an unknown region'}; the disk encryption set needs a vault in ${location}.`);
      if (v.enableSoftDelete === false) problems.push('Soft delete is off.');
      if (v.enablePurgeProtection !== true) repairs.push('Purge protection will be turned on (irreversible).');
      if (blocksTrustedServices(v)) repairs.push('Trusted Azure services will be let through its firewall.');
      return { value: v, problems, repairs };
    })
    .sort(
      (a, b) =>
        a.problems.length - b.problems.length ||
        a.repairs.length - b.repairs.length ||
        rbacFirst(a.value) - rbacFirst(b.value) ||
        Number(sendsAuditLogs(estate, b.value.id)) - Number(sendsAuditLogs(estate, a.value.id)) ||
        a.value.name.localeCompare(b.value.name),
    );
}

/** Azure RBAC vaults first: their grants are auditable role assignments (LS-KV-004). */
const rbacFirst = (v: KeyVault) => (v.enableRbacAuthorization === true ? 0 : 1);

/** The keys in a vault, judged for disk encryption as of `now` (seconds). */
export function keyChoices(estate: Estate, vaultId: string, now: number, minimumRsaKeySize = 3072): Choice<Key>[] {
  return [...estate.keys.values()]
    .filter((k) => normalizeId(k.vaultId) === normalizeId(vaultId))
    .map((k) => {
      const problems: string[] = [];
      const repairs: string[] = [];
      if (k.kty && !/^RSA(-HSM)?$/i.test(k.kty)) problems.push(`It is an ${k.kty} key; managed disks need RSA or RSA-HSM.`);
      if (k.attributes.enabled === false) problems.push('It is disabled.');
      if (k.attributes.exp !== undefined && k.attributes.exp <= now) problems.push('It has expired.');
      else if (k.attributes.exp !== undefined && k.attributes.exp <= now + 4 * WEEK) problems.push('It expires within four weeks.');
      if (!k.currentVersion) problems.push('Its current version could not be read.');
      if (k.keySize !== undefined && k.keySize < minimumRsaKeySize) repairs.push(`It is ${k.keySize} bits; this engagement asks for ${minimumRsaKeySize}.`);
      if (!k.rotates) repairs.push('It has no rotation policy that rotates it: add one later with the fix-it.');
      return { value: k, problems, repairs };
    })
    .sort((a, b) => a.problems.length - b.problems.length || a.value.name.localeCompare(b.value.name));
}

/** What the servers need once the DES exists. */
export function afterwards(estate: Estate, servers: ReplicatingServer[], desId: string) {
  const viaDes = servers.filter((s) => (s.disks ?? []).length > 0 && (s.disks ?? []).every((d) => d.desId && normalizeId(d.desId) === normalizeId(desId)));
  const reEnable = servers.filter((s) => (s.disks ?? []).some((d) => !d.desId));
  const reseedBytes = reEnable.reduce((sum, s) => sum + (s.disks ?? []).reduce((a, d) => a + (d.sizeBytes ?? 0), 0), 0);
  return { viaDes, reEnable, reseedGiB: Math.round(reseedBytes / 1024 ** 3) };
}

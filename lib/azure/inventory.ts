/**
 * The live inventory: reads what the readiness rules need from ARM through the SDK clients and
 * produces an estate file (DESIGN §3) holding the raw JSON ARM returned. What cannot be read
 * becomes a gap, never a crash. Cost is O(subscriptions + vaults + keys in use + pages).
 */
import type { PipelineResponse } from '@azure/core-rest-pipeline';
import type { TokenSource } from '../auth/token-source';
import type { ArmResource, EstateFile, EstateGap } from '../estate/file';
import { normalizeId, parseResourceId } from '../estate/ids';
import { parseKeyUrl } from '../estate/normalize';
import { createArmClientFactory, type ArmTarget } from './client-factory';
import { toArmError } from './errors';
import { listSubscriptions, listTenants } from './subscriptions';

export interface InventoryProgress {
  subscriptionsTotal: number;
  subscriptionsDone: number;
  requests: number;
  /** Resources captured so far, by type (lower-cased). */
  resources: number;
  gaps: number;
}

export interface InventoryOptions {
  cloud: ArmTarget;
  tokens: TokenSource;
  /** Only these subscriptions (ids); all visible ones when absent. */
  subscriptionIds?: string[];
  /** Requests in flight per subscription. */
  concurrencyPerSubscription?: number;
  onProgress?: (p: InventoryProgress) => void;
  /** Called with the resources captured so far as they arrive (for progressive rendering). */
  onResources?: (resources: ArmResource[]) => void;
  now?: () => Date;
}

const API = { recoveryVaults: '2025-02-01', migrate: '2023-01-01' };

function limiter(n: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

export async function captureEstate(opts: InventoryOptions): Promise<EstateFile> {
  const resources = new Map<string, ArmResource>();
  const gaps: EstateGap[] = [];
  let requests = 0;
  const progress = { subscriptionsTotal: 0, subscriptionsDone: 0 };
  const report = () => opts.onProgress?.({ ...progress, requests, resources: resources.size, gaps: gaps.length });

  // Every successful ARM answer is kept as ARM wrote it: lists and single resources alike.
  const observe = (response: PipelineResponse) => {
    requests++;
    if (response.status < 200 || response.status >= 300 || !response.bodyAsText) return;
    let body: unknown;
    try {
      body = JSON.parse(response.bodyAsText);
    } catch {
      return;
    }
    const items = Array.isArray((body as { value?: unknown }).value) ? ((body as { value: unknown[] }).value) : [body];
    const fresh: ArmResource[] = [];
    for (const item of items) {
      const r = item as Partial<ArmResource>;
      if (!r || typeof r.id !== 'string' || typeof r.type !== 'string' || typeof r.name !== 'string' || !parseResourceId(r.id)) continue;
      const key = normalizeId(r.id);
      const before = resources.get(key);
      const merged = before ? { ...before, ...r, properties: { ...(before.properties ?? {}), ...(r.properties ?? {}) } } : (r as ArmResource);
      resources.set(key, merged as ArmResource);
      fresh.push(merged as ArmResource);
    }
    if (fresh.length > 0) opts.onResources?.(fresh);
  };

  const factory = createArmClientFactory({ cloud: opts.cloud, tokens: opts.tokens, observe });
  const attempt = async <T>(scope: string, operation: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      const err = toArmError(e);
      gaps.push({ scope, operation, status: err.status ?? 0, code: err.code ?? err.kind, message: err.message });
      report();
      return undefined;
    }
  };
  const drain = async <T>(it: AsyncIterable<T>) => {
    for await (const _ of it) void _;
  };

  const [subs, tenants] = await Promise.all([listSubscriptions(factory), listTenants(factory).catch(() => [])]);
  const wanted = opts.subscriptionIds?.map((s) => s.toLowerCase());
  const chosen = wanted ? subs.filter((s) => wanted.includes((s.subscriptionId ?? '').toLowerCase())) : subs;
  for (const w of wanted ?? []) {
    if (!chosen.some((s) => s.subscriptionId?.toLowerCase() === w)) gaps.push({ scope: `/subscriptions/${w}`, operation: 'read subscription', status: 404, code: 'SubscriptionNotFound', message: `The subscription '${w}' is not visible to the signed-in account.` });
  }
  progress.subscriptionsTotal = chosen.length;
  report();

  const ofType = (type: string, under: string) => [...resources.values()].filter((r) => r.type.toLowerCase() === type.toLowerCase() && normalizeId(r.id).startsWith(normalizeId(under) + '/'));

  await Promise.all(
    chosen.map(async (s) => {
      const sub = s.subscriptionId!;
      const scope = `/subscriptions/${sub}`;
      const run = limiter(opts.concurrencyPerSubscription ?? 6);
      const [resourcesClient, compute, kv, sr, auth, monitor, locks] = await Promise.all([
        factory.resources(sub), factory.compute(sub), factory.keyVault(sub), factory.siteRecovery(sub), factory.authorization(sub), factory.monitor(sub), factory.locks(sub),
      ]);
      await Promise.all([
        run(() => attempt(scope, 'list Recovery Services vaults', () => drain(resourcesClient.resources.list({ filter: "resourceType eq 'Microsoft.RecoveryServices/vaults'" })))),
        run(() => attempt(scope, 'list Azure Migrate projects', () => drain(resourcesClient.resources.list({ filter: "resourceType eq 'Microsoft.Migrate/migrateProjects'" })))),
        // For the wizard's identity choice; the list carries no principal id, which a plan reads when it needs it.
        run(() => attempt(scope, 'list user-assigned identities', () => drain(resourcesClient.resources.list({ filter: "resourceType eq 'Microsoft.ManagedIdentity/userAssignedIdentities'" })))),
        run(() => attempt(scope, 'list disk encryption sets', () => drain(compute.diskEncryptionSets.list()))),
        run(() => attempt(scope, 'list key vaults', () => drain(kv.vaults.listBySubscription()))),
        run(() => attempt(scope, 'list role assignments', () => drain(auth.roleAssignments.listForSubscription()))),
        run(() => attempt(scope, 'list custom role definitions', () => drain(auth.roleDefinitions.list(scope, { filter: "type eq 'CustomRole'" })))),
        run(() => attempt(scope, 'list locks', () => drain(locks.managementLocks.listAtSubscriptionLevel()))),
      ]);
      const work: Promise<unknown>[] = [];
      for (const v of ofType('Microsoft.RecoveryServices/vaults', scope)) {
        const p = parseResourceId(v.id)!;
        work.push(run(() => attempt(v.id, 'read Recovery Services vault', () => resourcesClient.resources.getById(v.id, API.recoveryVaults))));
        work.push(run(() => attempt(v.id, 'list replicating servers', () => drain(sr.replicationMigrationItems.list(p.name, p.resourceGroup!)))));
        work.push(run(() => attempt(v.id, 'list replication container mappings', () => drain(sr.replicationProtectionContainerMappings.list(p.name, p.resourceGroup!)))));
      }
      for (const m of ofType('Microsoft.Migrate/migrateProjects', scope)) {
        work.push(run(() => attempt(m.id, 'read Azure Migrate project', () => resourcesClient.resources.getById(m.id, API.migrate))));
        work.push(run(() => attempt(m.id, 'read the Server Migration solution', () => resourcesClient.resources.getById(`${m.id}/solutions/Servers-Migration-ServerMigration`, API.migrate))));
      }
      for (const v of ofType('Microsoft.KeyVault/vaults', scope)) {
        const p = parseResourceId(v.id)!;
        work.push(run(() => attempt(v.id, 'list keys', () => drain(kv.keys.list(p.resourceGroup!, p.name)))));
        work.push(run(() => attempt(v.id, 'list diagnostic settings', () => monitor.diagnosticSettings.list(v.id))));
      }
      await Promise.all(work);
      progress.subscriptionsDone++;
      report();
    }),
  );

  // Keys in use: the key list lacks type, size and versioned URI, so read each one a DES uses.
  const vaults = [...resources.values()].filter((r) => r.type.toLowerCase() === 'microsoft.keyvault/vaults');
  const seen = new Set<string>();
  const keyReads: Promise<unknown>[] = [];
  for (const des of [...resources.values()].filter((r) => r.type.toLowerCase() === 'microsoft.compute/diskencryptionsets')) {
    const activeKey = (des.properties as { activeKey?: { keyUrl?: string; sourceVault?: { id?: string } } } | undefined)?.activeKey;
    const url = parseKeyUrl(activeKey?.keyUrl);
    if (!url) continue;
    const vault = activeKey?.sourceVault?.id ? vaults.find((v) => normalizeId(v.id) === normalizeId(activeKey.sourceVault!.id!)) : vaults.find((v) => v.name.toLowerCase() === url.vaultName);
    if (!vault) continue;
    const p = parseResourceId(vault.id)!;
    const keyId = `${vault.id}/keys/${url.keyName}`;
    const client = factory.keyVault(p.subscriptionId!);
    if (!seen.has(normalizeId(keyId))) {
      seen.add(normalizeId(keyId));
      keyReads.push(client.then((c) => attempt(keyId, 'read key', () => c.keys.get(p.resourceGroup!, p.name, url.keyName))));
    }
    const versionId = `${keyId}/versions/${url.version}`;
    if (url.version && !seen.has(normalizeId(versionId))) {
      seen.add(normalizeId(versionId));
      keyReads.push(client.then((c) => attempt(versionId, 'read key version', () => c.keys.getVersion(p.resourceGroup!, p.name, url.keyName, url.version!))));
    }
  }
  await Promise.all(keyReads);
  report();

  // A key or version that does not exist is a finding (LS-KEY-001), not a gap.
  const realGaps = gaps.filter((g) => !((g.operation === 'read key' || g.operation === 'read key version') && g.status === 404));
  const home = tenants[0];
  return {
    kind: 'lockstep.estate',
    version: 1,
    capturedAt: (opts.now?.() ?? new Date()).toISOString(),
    tenantId: home?.tenantId ?? chosen[0]?.tenantId ?? '00000000-0000-0000-0000-000000000000',
    ...(home?.displayName ? { tenantDisplayName: home.displayName } : {}),
    ...(home?.defaultDomain ? { tenantDefaultDomain: home.defaultDomain } : {}),
    subscriptions: chosen.map((s) => ({ subscriptionId: s.subscriptionId!, displayName: s.displayName ?? s.subscriptionId!, tenantId: s.tenantId ?? home?.tenantId ?? '', state: s.state ?? 'Unknown' })),
    resources: [...resources.values()].filter((r) => !r.type.toLowerCase().startsWith('microsoft.resources/')),
    gaps: realGaps,
  };
}

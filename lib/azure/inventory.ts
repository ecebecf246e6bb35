/**
 * The live inventory: reads what the readiness rules need from ARM through the SDK clients and
 * produces an estate file (DESIGN §3) holding the raw JSON ARM returned. What cannot be read
 * becomes a gap, never a crash. Cost is O(subscriptions + vaults + keys in use + pages), plus one
 * GET per replication item whose list entry leaves its disks out (ARM's lists do), reused while the
 * list entry is unchanged (`details`).
 */
import type { PipelineResponse } from '@azure/core-rest-pipeline';
import type { TokenSource } from '../auth/token-source';
import type { ArmResource, EstateFile, EstateGap } from '../estate/file';
import { normalizeId, parseResourceId } from '../estate/ids';
import { DISK_POLICIES } from '../estate/model';
import {
  MIGRATION_ITEM_TYPE,
  PROTECTED_ITEM_TYPE,
  isManagedHsmHost,
  isReplicatingServer,
  parseKeyUrl,
  testMigrationJob,
  testVmNameOf,
} from '../estate/normalize';
import { createArmClientFactory, type ArmTarget } from './client-factory';
import { toArmError } from './errors';
import { GraphError, resolveDirectoryObjects, type GraphTarget } from './graph';
import { listSubscriptions, listTenants } from './subscriptions';

export interface InventoryProgress {
  subscriptionsTotal: number;
  subscriptionsDone: number;
  requests: number;
  /** Resources captured so far, by type (lower-cased). */
  resources: number;
  gaps: number;
  /** Replication items whose disks need a GET of their own, and how many of those have been read (or failed). */
  details?: { total: number; done: number };
}

/**
 * Detail bodies of replication items from earlier captures in this session, keyed by lower-cased id, with the
 * signature of the list entry they were read for: a refresh reuses them while that entry is unchanged.
 */
export type DetailCache = Map<string, { signature: string; disks: Record<string, unknown> }>;

/** Where each provider keeps its per-disk DES, and the other per-item arrays a list leaves out. */
const DISK_FIELDS: Record<string, string[]> = {
  vmwarecbt: ['protectedDisks', 'vmNics'],
  inmagercm: ['protectedDisks', 'vmNics'],
  inmageazurev2: ['protectedManagedDisks', 'protectedDisks', 'vmNics'],
};
/** Fields that move with every replication cycle and say nothing about the disks. */
const VOLATILE =
  /^(lastRecoveryPoint|lastRpo|migrationRecoveryPointId|failoverRecoveryPointId|.*ProgressPercentage|.*RetryCount|.*ProcessedBytes|.*TransferredBytes|.*ProgressHealth|resync|lastHeartbeat|lastUpdateReceivedTime|rpoInSeconds|.*DataRateInMB)/i;

/** The scope of the gap when names cannot be read: Graph's operation, never an ARM scope. */
export const GRAPH_GAP_SCOPE = 'graph:/v1.0/directoryObjects/getByIds';

/** ARM's read bucket refills 25 tokens a second per principal and subscription (ARM throttling, token bucket). */
const READ_REFILL_PER_SECOND = 25;
/** Keep this many reads in hand, so a burst of concurrent requests does not run the bucket dry. */
const READ_RESERVE = 8;

export interface InventoryOptions {
  cloud: ArmTarget;
  tokens: TokenSource;
  /** Only these subscriptions (ids); all visible ones when absent. */
  subscriptionIds?: string[];
  /** Retries for 429/5xx/dropped connections before a read becomes a gap (the SDK's default policy). */
  maxRetries?: number;
  /** Requests in flight per subscription. */
  concurrencyPerSubscription?: number;
  onProgress?: (p: InventoryProgress) => void;
  /** Called with the resources captured so far as they arrive (for progressive rendering). */
  onResources?: (resources: ArmResource[]) => void;
  now?: () => Date;
  /** Detail bodies kept between captures (a refresh in the same session); filled as details are read. */
  details?: DetailCache;
  /** Microsoft Graph, to turn principal ids into names; without it the capture keeps ids. */
  graph?: GraphTarget;
}

const API = { recoveryVaults: '2025-02-01', migrate: '2023-01-01' };

/** The signature of a list entry: what could change its disks, without the fields that move every cycle. */
export function listSignature(r: ArmResource): string {
  const p = (r.properties ?? {}) as Record<string, unknown>;
  const d = (p.providerSpecificDetails ?? {}) as Record<string, unknown>;
  const fields = DISK_FIELDS[String(d.instanceType ?? '').toLowerCase()] ?? [];
  const stable = Object.keys(d)
    .filter((k) => !fields.includes(k) && !VOLATILE.test(k))
    .sort()
    .map((k) => [k, d[k]]);
  return JSON.stringify([r.id.toLowerCase(), p.policyId ?? null, p.migrationState ?? p.protectionState ?? null, stable]);
}

/**
 * Does this replication item's list entry lack what a GET returns (its per-disk arrays)? Items of disaster-recovery
 * providers are no servers: they are never read.
 */
function needsDetail(r: ArmResource): boolean {
  if (!isReplicatingServer(r)) return false;
  const d = ((r.properties ?? {}) as { providerSpecificDetails?: Record<string, unknown> }).providerSpecificDetails ?? {};
  const disks = (DISK_FIELDS[String(d.instanceType ?? '').toLowerCase()] ?? ['protectedDisks']).filter((f) => f !== 'vmNics');
  return disks.some((f) => !Array.isArray(d[f]) || (d[f] as unknown[]).length === 0);
}

/**
 * Paces reads to ARM's token bucket instead of running into 429s: the last
 * `x-ms-ratelimit-remaining-subscription-reads` a subscription reported, less what was sent since, plus the
 * refill since then. A request waits while fewer than the reserve remain.
 */
class ReadPacer {
  private remaining = Number.POSITIVE_INFINITY;
  private at = 0;
  observe(remaining: number, atMs: number) {
    this.remaining = remaining;
    this.at = atMs;
  }
  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const estimate = this.remaining + ((now - this.at) / 1000) * READ_REFILL_PER_SECOND;
      if (estimate > READ_RESERVE) {
        this.remaining = estimate - 1;
        this.at = now;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((READ_RESERVE + 1 - estimate) / READ_REFILL_PER_SECOND) * 1000)));
    }
  }
}

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
  const details = { total: 0, done: 0 };
  const report = () => opts.onProgress?.({ ...progress, requests, resources: resources.size, gaps: gaps.length, details: { ...details } });

  // Every successful ARM answer is kept as ARM wrote it: lists and single resources alike.
  const pacers = new Map<string, ReadPacer>();
  const pacerOf = (sub: string) => {
    let p = pacers.get(sub.toLowerCase());
    if (!p) pacers.set(sub.toLowerCase(), (p = new ReadPacer()));
    return p;
  };
  const observe = (response: PipelineResponse) => {
    requests++;
    const left = response.headers.get('x-ms-ratelimit-remaining-subscription-reads');
    const sub = /\/subscriptions\/([^/?]+)/i.exec(response.request.url)?.[1];
    if (left !== undefined && sub && Number.isFinite(Number(left))) pacerOf(sub).observe(Number(left), Date.now());
    if (response.status < 200 || response.status >= 300 || !response.bodyAsText) return;
    let body: unknown;
    try {
      body = JSON.parse(response.bodyAsText);
    } catch {
      return;
    }
    const items = Array.isArray((body as { value?: unknown }).value) ? (body as { value: unknown[] }).value : [body];
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

  const factory = createArmClientFactory({
    cloud: opts.cloud,
    tokens: opts.tokens,
    observe,
    maxRetries: opts.maxRetries,
    // Every read (each list page, each detail, each retry) waits its turn in its subscription's read bucket.
    beforeSend: async (request) => {
      const sub = request.method === 'GET' ? /\/subscriptions\/([^/?]+)/i.exec(request.url)?.[1] : undefined;
      if (sub) await pacerOf(sub).take();
    },
  });
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
    if (!chosen.some((s) => s.subscriptionId?.toLowerCase() === w))
      gaps.push({
        scope: `/subscriptions/${w}`,
        operation: 'read subscription',
        status: 404,
        code: 'SubscriptionNotFound',
        message: `The subscription '${w}' is not visible to the signed-in account.`,
      });
  }
  progress.subscriptionsTotal = chosen.length;
  report();

  const ofType = (type: string, under: string) =>
    [...resources.values()].filter((r) => r.type.toLowerCase() === type.toLowerCase() && normalizeId(r.id).startsWith(normalizeId(under) + '/'));

  await Promise.all(
    chosen.map(async (s) => {
      const sub = s.subscriptionId!;
      const scope = `/subscriptions/${sub}`;
      const run = limiter(opts.concurrencyPerSubscription ?? 6);
      const [resourcesClient, compute, kv, sr, auth, monitor, locks, policy] = await Promise.all([
        factory.resources(sub),
        factory.compute(sub),
        factory.keyVault(sub),
        factory.siteRecovery(sub),
        factory.authorization(sub),
        factory.monitor(sub),
        factory.locks(sub),
        factory.policy(sub),
      ]);
      await Promise.all([
        run(() =>
          attempt(scope, 'list Recovery Services vaults', () =>
            drain(resourcesClient.resources.list({ filter: "resourceType eq 'Microsoft.RecoveryServices/vaults'" })),
          ),
        ),
        run(() =>
          attempt(scope, 'list Azure Migrate projects', () =>
            drain(resourcesClient.resources.list({ filter: "resourceType eq 'Microsoft.Migrate/migrateProjects'" })),
          ),
        ),
        // For the wizard's identity choice; the list carries no principal id, which a plan reads when it needs it.
        run(() =>
          attempt(scope, 'list user-assigned identities', () =>
            drain(resourcesClient.resources.list({ filter: "resourceType eq 'Microsoft.ManagedIdentity/userAssignedIdentities'" })),
          ),
        ),
        run(() => attempt(scope, 'list disk encryption sets', () => drain(compute.diskEncryptionSets.list()))),
        run(() => attempt(scope, 'list key vaults', () => drain(kv.vaults.listBySubscription()))),
        run(() => attempt(scope, 'list Managed HSMs', () => drain(kv.managedHsms.listBySubscription()))),
        run(() => attempt(scope, 'list role assignments', () => drain(auth.roleAssignments.listForSubscription()))),
        run(() => attempt(scope, 'list custom role definitions', () => drain(auth.roleDefinitions.list(scope, { filter: "type eq 'CustomRole'" })))),
        run(() => attempt(scope, 'list locks', () => drain(locks.managementLocks.listAtSubscriptionLevel()))),
        // What guards where servers land: every assignment that applies to the subscription or is made inside it.
        run(() => attempt(scope, 'list policy assignments', () => drain(policy.policyAssignments.list()))),
      ]);
      const work: Promise<unknown>[] = [];
      // ARM's lists leave each item's disks out: GET those items, or reuse what an earlier capture read for the same entry.
      const readDetails = async (vaultId: string, type: string) => {
        const items = ofType(type, vaultId).filter(needsDetail);
        details.total += items.length;
        report();
        const vp = parseResourceId(vaultId)!;
        await Promise.all(
          items.map(async (item) => {
            const key = normalizeId(item.id);
            const signature = listSignature(item);
            const cached = opts.details?.get(key);
            if (cached && cached.signature === signature) {
              const props = item.properties as { providerSpecificDetails: Record<string, unknown> };
              const merged = {
                ...item,
                properties: { ...props, providerSpecificDetails: { ...props.providerSpecificDetails, ...cached.disks } },
              } as ArmResource;
              resources.set(key, merged);
              opts.onResources?.([merged]);
            } else {
              const segs = item.id.split('/');
              const [fabric, container, name] = [segs[10]!, segs[12]!, segs[14]!];
              const got = await run(() =>
                attempt(item.id, 'read replicating server details', (): Promise<unknown> =>
                  type === MIGRATION_ITEM_TYPE
                    ? sr.replicationMigrationItems.get(vp.name, vp.resourceGroup!, fabric, container, name)
                    : sr.replicationProtectedItems.get(vp.name, vp.resourceGroup!, fabric, container, name),
                ),
              );
              const detail = resources.get(key);
              const d = ((detail?.properties ?? {}) as { providerSpecificDetails?: Record<string, unknown> }).providerSpecificDetails ?? {};
              const fields = DISK_FIELDS[String(d.instanceType ?? '').toLowerCase()] ?? [];
              if (got !== undefined && opts.details)
                opts.details.set(key, { signature, disks: Object.fromEntries(fields.filter((f) => f in d).map((f) => [f, d[f]])) });
            }
            details.done++;
            if (details.done % 50 === 0 || details.done === details.total) report();
          }),
        );
      };
      for (const v of ofType('Microsoft.RecoveryServices/vaults', scope)) {
        const p = parseResourceId(v.id)!;
        work.push(run(() => attempt(v.id, 'read Recovery Services vault', () => resourcesClient.resources.getById(v.id, API.recoveryVaults))));
        // Agentless servers are migration items; agent-based ones are protected items (InMageRcm) in their own vault.
        work.push(
          run(() => attempt(v.id, 'list replicating servers', () => drain(sr.replicationMigrationItems.list(p.name, p.resourceGroup!)))).then(() =>
            readDetails(v.id, MIGRATION_ITEM_TYPE),
          ),
          run(() => attempt(v.id, 'list agent-based replicating servers', () => drain(sr.replicationProtectedItems.list(p.name, p.resourceGroup!)))).then(() =>
            readDetails(v.id, PROTECTED_ITEM_TYPE),
          ),
        );
        work.push(
          run(() =>
            attempt(v.id, 'list replication container mappings', () => drain(sr.replicationProtectionContainerMappings.list(p.name, p.resourceGroup!))),
          ),
        );
      }
      for (const m of ofType('Microsoft.Migrate/migrateProjects', scope)) {
        work.push(run(() => attempt(m.id, 'read Azure Migrate project', () => resourcesClient.resources.getById(m.id, API.migrate))));
        work.push(
          run(() =>
            attempt(m.id, 'read the Server Migration solution', () =>
              resourcesClient.resources.getById(`${m.id}/solutions/Servers-Migration-ServerMigration`, API.migrate),
            ),
          ),
        );
      }
      for (const h of ofType('Microsoft.KeyVault/managedHSMs', scope)) {
        work.push(run(() => attempt(h.id, 'list diagnostic settings', () => monitor.diagnosticSettings.list(h.id))));
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
    // A Managed HSM's keys live in its data plane: ARM cannot read them.
    if (!url || isManagedHsmHost(url.host)) continue;
    const vault = activeKey?.sourceVault?.id
      ? vaults.find((v) => normalizeId(v.id) === normalizeId(activeKey.sourceVault!.id!))
      : vaults.find((v) => v.name.toLowerCase() === url.vaultName);
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

  // What landed: for each server whose migration completed, its VM in the target group and that VM's managed disks.
  const landedReads: Promise<unknown>[] = [];
  const readLanded = (targetResourceGroupId: string, vmName: string) => {
    const rg = parseResourceId(targetResourceGroupId);
    if (!rg?.subscriptionId || !rg.resourceGroup) return;
    const vmId = `${targetResourceGroupId}/providers/Microsoft.Compute/virtualMachines/${vmName}`;
    landedReads.push(
      factory.compute(rg.subscriptionId).then(async (compute) => {
        const vm = await attempt(vmId, 'read the landed VM', () => compute.virtualMachines.get(rg.resourceGroup!, vmName));
        const storage = vm?.storageProfile;
        const diskIds = [storage?.osDisk?.managedDisk?.id, ...(storage?.dataDisks ?? []).map((x) => x.managedDisk?.id)].filter((x): x is string => !!x);
        await Promise.all(
          diskIds.map((id) => {
            const p = parseResourceId(id)!;
            return factory.compute(p.subscriptionId!).then((c) => attempt(id, 'read a landed disk', () => c.disks.get(p.resourceGroup!, p.name)));
          }),
        );
      }),
    );
  };
  const testMigrated = new Map<string, ArmResource[]>();
  for (const item of [...resources.values()].filter((r) => r.type.toLowerCase() === MIGRATION_ITEM_TYPE.toLowerCase())) {
    const props = (item.properties ?? {}) as {
      migrationState?: string;
      testMigrateState?: string;
      providerSpecificDetails?: { targetResourceGroupId?: string; targetVmName?: string };
    };
    const d = props.providerSpecificDetails ?? {};
    if (props.testMigrateState === 'TestMigrationSucceeded') {
      const vaultId = item.id.split('/replicationFabrics/')[0]!;
      testMigrated.set(normalizeId(vaultId), [...(testMigrated.get(normalizeId(vaultId)) ?? []), item]);
    }
    if (props.migrationState !== 'MigrationSucceeded' || !d.targetResourceGroupId || !d.targetVmName) continue;
    readLanded(d.targetResourceGroupId, d.targetVmName);
  }
  // A test migration's VM is not named by the item: Site Recovery's jobs are read, and the test VM read where the job names it.
  await Promise.all(
    [...testMigrated.values()].map(async (items) => {
      // The vault as its items spell it (the map's key is lower-cased).
      const vaultId = items[0]!.id.split('/replicationFabrics/')[0]!;
      const vault = parseResourceId(vaultId)!;
      const sr = await factory.siteRecovery(vault.subscriptionId!);
      await attempt(vaultId, 'list replication jobs', () => drain(sr.replicationJobs.list(vault.name, vault.resourceGroup!)));
      for (const item of items) {
        const d = ((item.properties ?? {}) as { providerSpecificDetails?: { targetResourceGroupId?: string } }).providerSpecificDetails ?? {};
        const job = testMigrationJob(resources.values(), item);
        const testVm = job ? testVmNameOf(job, item) : undefined;
        if (testVm && d.targetResourceGroupId) readLanded(d.targetResourceGroupId, testVm);
      }
    }),
  );
  await Promise.all(landedReads);
  report();

  // The definitions of the disk-encryption built-ins that are assigned: their rules and parameter defaults.
  const assigned = new Set(
    [...resources.values()]
      .filter((r) => r.type.toLowerCase() === 'microsoft.authorization/policyassignments')
      .map((r) =>
        String((r.properties as { policyDefinitionId?: string } | undefined)?.policyDefinitionId ?? '')
          .split('/')
          .pop()!
          .toLowerCase(),
      )
      .filter((n) => n === DISK_POLICIES.allowedDes || n === DISK_POLICIES.cmkRequired),
  );
  const anySub = chosen[0]?.subscriptionId;
  if (anySub && assigned.size > 0) {
    const policy = await factory.policy(anySub);
    await Promise.all(
      [...assigned].map((n) =>
        attempt(`/providers/Microsoft.Authorization/policyDefinitions/${n}`, 'read a policy definition', () => policy.policyDefinitions.getBuiltIn(n)),
      ),
    );
    report();
  }

  // Names for the principals the estate names (custody, grants, hand-overs): Microsoft Graph, when it may be asked.
  let directoryObjects: EstateFile['directoryObjects'];
  if (opts.graph) {
    const ids = new Set<string>();
    for (const r of resources.values()) {
      const t = r.type.toLowerCase();
      const p = (r.properties ?? {}) as { principalId?: string; accessPolicies?: { objectId?: string }[] };
      if (t === 'microsoft.authorization/roleassignments' && p.principalId) ids.add(p.principalId);
      if (t === 'microsoft.keyvault/vaults') for (const a of p.accessPolicies ?? []) if (a.objectId) ids.add(a.objectId);
      if (t === 'microsoft.compute/diskencryptionsets') {
        const identity = (r.identity ?? {}) as { principalId?: string };
        if (identity.principalId) ids.add(identity.principalId);
      }
    }
    try {
      directoryObjects = await resolveDirectoryObjects(opts.graph, [...ids], () => requests++);
    } catch (e) {
      const g = e instanceof GraphError ? e : new GraphError(0, (e as Error).name || 'Error', (e as Error).message);
      // Not an ARM scope: a missing name hides nothing the rules judge.
      gaps.push({
        scope: GRAPH_GAP_SCOPE,
        operation: 'read names from Microsoft Graph',
        status: g.status,
        code: g.code,
        message: `${g.message} Principals are shown by object id.`,
      });
    }
    report();
  }

  // A key or version that does not exist is a finding (LS-KEY-001), not a gap.
  // Nor is a landed VM that is not there: the verdict says no such VM was found.
  const realGaps = gaps.filter(
    (g) => !((g.operation === 'read key' || g.operation === 'read key version' || g.operation === 'read the landed VM') && g.status === 404),
  );
  const home = tenants[0];
  return {
    kind: 'lockstep.estate',
    version: 1,
    capturedAt: (opts.now?.() ?? new Date()).toISOString(),
    tenantId: home?.tenantId ?? chosen[0]?.tenantId ?? '00000000-0000-0000-0000-000000000000',
    ...(home?.displayName ? { tenantDisplayName: home.displayName } : {}),
    ...(home?.defaultDomain ? { tenantDefaultDomain: home.defaultDomain } : {}),
    ...(directoryObjects ? { directoryObjects } : {}),
    subscriptions: chosen.map((s) => ({
      subscriptionId: s.subscriptionId!,
      displayName: s.displayName ?? s.subscriptionId!,
      tenantId: s.tenantId ?? home?.tenantId ?? '',
      state: s.state ?? 'Unknown',
    })),
    resources: [...resources.values()].filter((r) => !r.type.toLowerCase().startsWith('microsoft.resources/')),
    gaps: realGaps,
  };
}

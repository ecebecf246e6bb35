/**
 * Re-replicate under a customer key: Azure Migrate cannot add a disk encryption set to a running replication, so a
 * server that replicates without one (or with another) is disabled and enabled again with the DES on every disk,
 * carrying over every setting the item had. Pure: the plan is built from the item as the estate read it (its detail
 * GET), and refused, in words, where that cannot be done safely.
 */
import { normalizeId, parseResourceId } from '../estate/ids';
import { denyingDisksUnder } from '../estate/policy';
import type { Estate, ReplicatingServer } from '../estate/model';
import { normalizeRegion, rawResource } from '../estate/normalize';
import type { Problem } from '../estate/problem';
import { evaluate } from '../readiness/evaluate';
import type { Evaluation } from '../readiness/types';
import { desRows } from '../readiness/resource-rows';
import { API, planOf, url, type Plan, type PlanStep } from './steps';

type Json = Record<string, unknown>;

/** One server the plan re-enables: what is seeded again and what it had before. */
export interface Reenabled {
  id: string;
  machineName: string;
  disks: number;
  reseedBytes: number;
  /** The DES its disks had before, when any. */
  desBefore?: string;
}

export type ReenableResult = { ok: true; plan: Plan; servers: Reenabled[]; reseedBytes: number; lost: string[] } | { ok: false; problems: Problem[] };

/** What disabling replication loses, shown before confirmation. */
export const WHAT_IS_LOST = [
  'Replication progress: initial replication runs again from the start, for every disk.',
  'Recovery points taken so far, and any test migration (clean it up first).',
  'The replication health history of the item.',
];

const MIGRATION_ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems';
const PROTECTED_ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems';

/**
 * How each provider's replication is disabled and enabled again. Agentless (VMwareCbt) servers are migration items:
 * DELETE, then PUT with VMwareCbtEnableMigrationInput. Agent-based (InMageRcm) servers are protected items: POST
 * `remove` (DisableProtectionInput), then PUT with InMageRcmEnableProtectionInput. `carried` and `disk` name the item's
 * fields the input takes back as they are; `required` those without which the enable would be refused.
 */
interface Kind {
  type: string;
  stateField: string;
  testStateField: string;
  disableOperation: string;
  disableAction: string;
  landed: (state: string) => boolean;
  required: readonly string[];
  diskRequired: readonly string[];
  carried: readonly string[];
  disk: readonly string[];
  extra: Json;
  settings: string;
  disable: (itemId: string) => PlanStep['request'];
  enableProperties: (props: Json) => Json;
}

const KINDS: Record<string, Kind> = {
  VMwareCbt: {
    type: MIGRATION_ITEM_TYPE,
    stateField: 'migrationState',
    testStateField: 'testMigrateState',
    disableOperation: 'DisableMigration',
    disableAction: 'delete',
    landed: (state) => state === 'MigrationSucceeded',
    required: ['vmwareMachineId', 'targetResourceGroupId', 'targetNetworkId', 'dataMoverRunAsAccountId', 'snapshotRunAsAccountId'],
    diskRequired: ['diskId', 'isOSDisk', 'logStorageAccountId', 'logStorageAccountSasSecretName'],
    carried: [
      'vmwareMachineId',
      'targetResourceGroupId',
      'targetNetworkId',
      'testNetworkId',
      'targetVmName',
      'targetVmSize',
      'licenseType',
      'linuxLicenseType',
      'sqlServerLicenseType',
      'targetAvailabilityZone',
      'targetAvailabilitySetId',
      'targetProximityPlacementGroupId',
      'targetCapacityReservationGroupId',
      'targetBootDiagnosticsStorageAccountId',
      'targetVmSecurityProfile',
      'confidentialVmKeyVaultId',
      'targetVmTags',
      'targetDiskTags',
      'targetNicTags',
      'seedDiskTags',
      'dataMoverRunAsAccountId',
      'snapshotRunAsAccountId',
    ],
    disk: ['diskId', 'isOSDisk', 'diskType', 'logStorageAccountId', 'logStorageAccountSasSecretName'],
    extra: { performAutoResync: 'true' },
    settings: 'target group, network, size, licences, zone, tags, run-as accounts, log storage',
    disable: (itemId) => ({ method: 'DELETE', url: url(itemId, API.siteRecovery) }),
    enableProperties: () => ({}),
  },
  InMageRcm: {
    type: PROTECTED_ITEM_TYPE,
    stateField: 'protectionState',
    testStateField: 'testFailoverState',
    disableOperation: 'DisableProtection',
    disableAction: 'remove/action',
    // After a failover (Azure Migrate's "migrate" for agent-based servers) the disks are in Azure.
    landed: (state) => /failover|failedover/i.test(state) && !/^testfailover/i.test(state),
    required: ['fabricDiscoveryMachineId', 'targetResourceGroupId', 'processServerId'],
    diskRequired: ['diskId', 'logStorageAccountId', 'diskType'],
    carried: [
      'fabricDiscoveryMachineId',
      'targetResourceGroupId',
      'targetNetworkId',
      'testNetworkId',
      'targetVmName',
      'targetVmSize',
      'licenseType',
      'targetAvailabilitySetId',
      'targetAvailabilityZone',
      'targetProximityPlacementGroupId',
      'targetBootDiagnosticsStorageAccountId',
      'runAsAccountId',
      'processServerId',
      'multiVmGroupName',
    ],
    disk: ['diskId', 'logStorageAccountId', 'diskType'],
    extra: {},
    settings: 'target group, network, size, licence, zone, process server, run-as account, log storage',
    disable: (itemId) => ({
      method: 'POST',
      url: url(`${itemId}/remove`, API.siteRecovery),
      body: { properties: { disableProtectionReason: 'NotSpecified' } },
    }),
    enableProperties: (props) => (typeof props.protectableItemId === 'string' && props.protectableItemId ? { protectableItemId: props.protectableItemId } : {}),
  },
};

/** States in which Site Recovery refuses to disable replication (initial seeding is not one: it can be stopped). */
const BUSY = new Set([
  'enablemigrationinprogress',
  'disablemigrationinprogress',
  'migrationinprogress',
  'resumeinprogress',
  'resyncinprogress',
  'enablingprotection',
  'disablingprotection',
]);
const TEST_BUSY = new Set(['testmigrationinprogress', 'testmigrationcleanupinprogress', 'testfailoverinprogress', 'testfailovercleanupinprogress']);

/** A server by its machine name (case-insensitive) or its item id. */
export function findServer(estate: Estate, ref: string): ReplicatingServer | undefined {
  const id = normalizeId(ref);
  return estate.servers.find((s) => normalizeId(s.id) === id) ?? estate.servers.find((s) => s.machineName.toLowerCase() === ref.toLowerCase());
}

/**
 * The plan, server by server: disable (DELETE, a long-running operation), enable again (PUT with the item's settings and
 * the DES on every disk), then read the item back to verify every disk names the DES.
 */
export function planReenable(estate: Estate, refs: string[], desId: string, options: { now: number }): ReenableResult {
  const problems: Problem[] = [];
  const refuse = (path: string, message: string) => problems.push({ path, message });
  const des = estate.diskEncryptionSets.get(normalizeId(desId));
  if (!des) refuse('des', `Disk encryption set ${desId} is not in the estate: Lockstep cannot check it is healthy.`);
  else {
    // Healthy as the DES page judges it: its own findings and its vault's and key's (one health meaning everywhere).
    const row = desRows(estate, evaluate(estate, { now: options.now })).find((r) => normalizeId(r.id) === normalizeId(des.id));
    const critical = (row?.findings ?? []).filter((f) => f.severity === 'critical');
    if (critical.length > 0) refuse('des', `Disk encryption set ${des.name} is not healthy: ${critical.map((f) => f.message).join(' ')}`);
  }
  if (refs.length === 0) refuse('servers', 'Name at least one server to re-enable.');

  const steps: PlanStep[] = [];
  const servers: Reenabled[] = [];
  let previous: string | undefined;
  for (const [n, ref] of refs.entries()) {
    const path = `servers.${n}`;
    const server = findServer(estate, ref);
    if (!server) {
      refuse(path, `${ref}: no replicating server has this machine name or item id.`);
      continue;
    }
    const item = rawResource(estate, server.id);
    const props = (item?.properties ?? {}) as Json;
    const details = (props.providerSpecificDetails ?? {}) as Json;
    const name = server.machineName;
    const kind = KINDS[String(details.instanceType ?? '')];
    if (!kind) {
      refuse(
        path,
        `${name} replicates with ${server.provider || 'an unknown provider'}: Lockstep re-enables agentless (VMwareCbt) and agent-based (InMageRcm) replication only; re-enable it in Azure Migrate with the DES.`,
      );
      continue;
    }
    const allowed = (props.allowedOperations as string[] | undefined) ?? [];
    const state = String(props[kind.stateField] ?? '');
    const testState = String(props[kind.testStateField] ?? '');
    if (kind.landed(state)) {
      refuse(path, `${name} has already migrated: its disks landed, so re-replicating cannot change them (encrypt the landed disks instead).`);
      continue;
    }
    if (BUSY.has(state.toLowerCase()) || TEST_BUSY.has(testState.toLowerCase())) {
      const what = TEST_BUSY.has(testState.toLowerCase()) ? `a test migration is running (${testState})` : `${state} is running`;
      refuse(path, `${name}: ${what}; replication cannot be disabled until it finishes.`);
      continue;
    }
    if (!allowed.includes(kind.disableOperation)) {
      refuse(path, `${name}: Azure Migrate does not allow disabling its replication in its current state (${state || 'unknown'}).`);
      continue;
    }
    const missing = [
      ...kind.required.filter((f) => typeof details[f] !== 'string' || details[f] === ''),
      ...(typeof props.policyId === 'string' ? [] : ['policyId']),
    ];
    const disks = Array.isArray(details.protectedDisks) ? (details.protectedDisks as Json[]) : [];
    if (disks.length === 0) missing.push('protectedDisks');
    for (const [i, d] of disks.entries())
      for (const f of kind.diskRequired) if (typeof d[f] !== 'string' || d[f] === '') missing.push(`protectedDisks[${i}].${f}`);
    if (missing.length > 0) {
      refuse(path, `${name}: Lockstep cannot read back ${missing.join(', ')} from the item, so it cannot enable replication again with the same settings.`);
      continue;
    }
    const region = normalizeRegion(String(details.targetLocation ?? server.targetRegion ?? ''));
    if (des && des.location && region && des.location !== region) {
      refuse(path, `${name} lands in ${region}; disk encryption set ${des.name} is in ${des.location}. Azure Migrate offers a DES only in the target region.`);
      continue;
    }
    const targetSub = parseResourceId(String(details.targetResourceGroupId))?.subscriptionId;
    if (des && targetSub && targetSub.toLowerCase() !== des.subscriptionId.toLowerCase()) {
      refuse(
        path,
        `${name} lands in subscription ${targetSub}; disk encryption set ${des.name} is in ${des.subscriptionId}. The DES must be in the target subscription.`,
      );
      continue;
    }
    const targetRg = String(details.targetResourceGroupId);
    const denying = des ? denyingDisksUnder(estate.policyAssignments, targetRg, des.id)[0] : undefined;
    if (denying && des) {
      refuse(
        path,
        `${name}: policy assignment '${denying.displayName ?? denying.name}' denies disks under ${des.name} where it lands; choose a disk encryption set it allows.`,
      );
      continue;
    }
    if (des && disks.every((d) => normalizeId(String(d.diskEncryptionSetId ?? '')) === normalizeId(des.id))) {
      refuse(path, `${name} already replicates under ${des.name} on every disk: nothing to re-enable.`);
      continue;
    }
    if (!des) continue;

    const carried = Object.fromEntries(kind.carried.filter((f) => details[f] !== undefined && details[f] !== '').map((f) => [f, details[f]]));
    const nics = Array.isArray(details.vmNics) ? (details.vmNics as Json[]) : [];
    const primary = nics.find((x) => x.isPrimaryNic === 'true') ?? nics[0];
    const input = {
      instanceType: details.instanceType,
      ...carried,
      ...(primary?.targetSubnetName ? { targetSubnetName: primary.targetSubnetName } : {}),
      ...(primary?.testSubnetName ? { testSubnetName: primary.testSubnetName } : {}),
      ...kind.extra,
      disksToInclude: disks.map((d) => ({
        ...Object.fromEntries(kind.disk.filter((f) => d[f] !== undefined && d[f] !== '').map((f) => [f, d[f]])),
        diskEncryptionSetId: des.id,
      })),
    };
    const itemUrl = url(server.id, API.siteRecovery);
    const tag = `${n + 1}`;
    const desBefore = disks.map((d) => String(d.diskEncryptionSetId ?? '')).find((x) => x !== '');
    const why = `${name} replicates ${desBefore ? `under ${parseResourceId(desBefore)?.name ?? desBefore}` : 'under platform-managed keys'}, and Azure Migrate cannot change a running replication's disk encryption set.`;
    steps.push(
      {
        id: `disable-${tag}`,
        title: `Stop replicating ${name}`,
        status: 'pending',
        request: kind.disable(server.id),
        dependsOn: previous ? [previous] : [],
        why,
        bindings: [],
        action: `${kind.type}/${kind.disableAction}`,
        // Permissions are checked at the vault: what is granted there reaches its items.
        scope: server.vaultId,
      },
      {
        id: `enable-${tag}`,
        title: `Replicate ${name} again with ${des.name} on ${disks.length} disk${disks.length === 1 ? '' : 's'}`,
        status: 'pending',
        request: {
          method: 'PUT',
          url: itemUrl,
          body: { properties: { policyId: props.policyId, ...kind.enableProperties(props), providerSpecificDetails: input } },
        },
        dependsOn: [`disable-${tag}`],
        why: `Every setting the item had (${kind.settings}) is carried over; only the disk encryption set changes.`,
        bindings: [],
        action: `${kind.type}/write`,
        scope: server.vaultId,
      },
      {
        id: `verify-${tag}`,
        title: `Verify ${name} replicates under ${des.name}`,
        status: 'pending',
        request: { method: 'GET', url: itemUrl },
        dependsOn: [`enable-${tag}`],
        why: 'Reads the item back: every disk must name the disk encryption set.',
        bindings: [],
        action: `${kind.type}/read`,
        scope: server.vaultId,
        expect: disks.map((d, i) => ({
          path: `properties.providerSpecificDetails.protectedDisks.${i}.diskEncryptionSetId`,
          equals: des.id,
          message: `Disk ${String(d.diskName ?? d.diskId)} of ${name} does not name ${des.name}.`,
        })),
      },
    );
    previous = `verify-${tag}`;
    servers.push({
      id: server.id,
      machineName: name,
      disks: disks.length,
      reseedBytes: disks.reduce((a, d) => a + (typeof d.capacityInBytes === 'number' ? d.capacityInBytes : 0), 0),
      desBefore,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const reseedBytes = servers.reduce((a, s) => a + s.reseedBytes, 0);
  const warnings = [
    `Initial replication runs again for ${servers.length} server${servers.length === 1 ? '' : 's'}: ${Math.round(reseedBytes / 1024 ** 3).toLocaleString('en')} GiB to seed.`,
  ];
  return { ok: true, plan: planOf(steps, warnings), servers, reseedBytes, lost: WHAT_IS_LOST };
}

/**
 * The disk encryption sets that can serve every one of these servers (their target subscription and region), as the DES
 * page shows them, and the one to offer first: `preferred` when it is among them, else the first healthy one.
 */
export function desCandidates(estate: Estate, evaluation: Evaluation, servers: ReplicatingServer[], preferred?: string) {
  const candidates = desRows(estate, evaluation).filter((d) => {
    const des = estate.diskEncryptionSets.get(normalizeId(d.id))!;
    return servers.every((x) => x.targetRegion === des.location && x.targetSubscriptionId?.toLowerCase() === des.subscriptionId.toLowerCase());
  });
  const chosen =
    candidates.find((c) => preferred && normalizeId(c.id) === normalizeId(preferred)) ?? candidates.find((c) => c.health === 'healthy') ?? candidates[0];
  return { candidates, chosen };
}

/** Hours to seed `bytes` at `mbps` megabits per second (what the user says their link gives replication). */
export function seedHours(bytes: number, mbps: number): number {
  return mbps > 0 ? (bytes * 8) / (mbps * 1e6) / 3600 : Infinity;
}

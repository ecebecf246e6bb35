/**
 * Microsoft.RecoveryServices (Site Recovery) migration items: disable replication (DELETE) and enable it (PUT with
 * `EnableMigrationInput`), each a long-running operation polled as Site Recovery's are (`Azure-AsyncOperation` on the
 * vault's replicationOperationStatus, `Location` on the item's operationresults, as Azure PowerShell's recordings show).
 * What Azure Migrate discovered of a machine (its name, OS, disks) outlives its replication, as the VMware site keeps it:
 * enabling replication again finds the machine by `vmwareMachineId`.
 */
import type { ArmResource } from '../../../../lib/estate/file';
import { parseResourceId } from '../../../../lib/estate/ids';
import type { Reply } from '../../http';
import type { ArmContext, Route } from '../context';
import { armError, notFoundResource, readJsonObject } from '../errors';
import { landedVm } from '../../builders';
import { denies, disallowedMessage } from '../policy-engine';
import type { Json } from '../resource';

const MIGRATION_ITEM = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems';

/** The facts a VMware site keeps of a machine whose replication was disabled, by vmwareMachineId (lower-cased). */
const discovered = new WeakMap<object, Map<string, Json>>();
function discoveredOf(ctx: ArmContext): Map<string, Json> {
  let m = discovered.get(ctx.store);
  if (!m) discovered.set(ctx.store, (m = new Map()));
  return m;
}

const urls = (ctx: ArmContext, itemId: string) => (opId: string, apiVersion: string) => {
  const vaultId = itemId.split('/replicationFabrics/')[0]!;
  return {
    asyncOperation: `${ctx.req.origin}${vaultId}/replicationOperationStatus/${opId}?api-version=${apiVersion}`,
    location: `${ctx.req.origin}${itemId}/operationresults/${opId}?api-version=${apiVersion}`,
  };
};

/** Site Recovery's refusal of a disk's DES: one that does not exist, or one outside the target region. */
function refusedDes(ctx: ArmContext, disks: Json[], region: string | undefined): Reply | undefined {
  for (const d of disks) {
    const desId = str(d.diskEncryptionSetId);
    if (!desId) continue;
    const des = ctx.store.get(desId);
    if (!des) return armError(400, 'DiskEncryptionSetNotFound', `The disk encryption set '${desId}' was not found.`);
    if (region && des.location && String(des.location).toLowerCase() !== region.toLowerCase())
      return armError(
        400,
        'DiskEncryptionSetLocationMismatch',
        `The disk encryption set '${desId}' is in ${String(des.location)}, not ${region}: the target region.`,
      );
  }
  return undefined;
}

const invalid = (message: string) => armError(400, 'InvalidParameter', message);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function migrationItem(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  const name = parseResourceId(route.id)!.name;
  if (ctx.req.method === 'DELETE') return disableMigration(ctx, route.id, existing);
  if (ctx.req.method === 'PATCH') {
    // Updating an item (VMwareCbtUpdateMigrationItemInput) carries no disk encryption set: it cannot add one.
    if (!existing) return notFoundResource(MIGRATION_ITEM, name, parseResourceId(route.id)!.resourceGroup);
    return armError(400, 'InvalidParameter', "Lockstep's emulator does not update migration items; disable and enable replication instead.");
  }
  return enableMigration(ctx, route.id, existing, body);
}

function disableMigration(ctx: ArmContext, id: string, existing: ArmResource | undefined): Reply {
  if (!existing) return { status: 204 };
  const props = existing.properties as Json;
  const allowed = (props.allowedOperations as string[] | undefined) ?? [];
  if (!allowed.includes('DisableMigration')) {
    return armError(
      400,
      'OperationNotAllowed',
      `Disable migration is not allowed for '${String(props.machineName ?? existing.name)}' in its current state (${String(props.migrationState ?? 'unknown')}).`,
    );
  }
  props.migrationState = 'DisableMigrationInProgress';
  props.allowedOperations = [];
  const details = (props.providerSpecificDetails ?? {}) as Json;
  return disabled(ctx, existing, str(details.vmwareMachineId));
}

function enableMigration(ctx: ArmContext, id: string, existing: ArmResource | undefined, body: Json | undefined): Reply {
  if (existing) {
    return armError(
      409,
      'ProtectionAlreadyEnabled',
      `Replication is already enabled for '${String((existing.properties as Json).machineName ?? existing.name)}'. Disable it before enabling it again.`,
    );
  }
  const props = (body?.properties ?? {}) as Json;
  const input = (props.providerSpecificDetails ?? {}) as Json;
  if (!str(props.policyId)) return invalid("Required parameter 'properties.policyId' is missing (null).");
  if (input.instanceType !== 'VMwareCbt')
    return invalid("The parameter 'properties.providerSpecificDetails.instanceType' must be 'VMwareCbt' for agentless VMware migration.");
  for (const field of ['vmwareMachineId', 'dataMoverRunAsAccountId', 'snapshotRunAsAccountId', 'targetResourceGroupId', 'targetNetworkId'])
    if (!str(input[field])) return invalid(`Required parameter 'properties.providerSpecificDetails.${field}' is missing (null).`);
  const disks = Array.isArray(input.disksToInclude) ? (input.disksToInclude as Json[]) : [];
  if (disks.length === 0) return invalid("Required parameter 'properties.providerSpecificDetails.disksToInclude' is missing or empty.");
  for (const [i, d] of disks.entries())
    for (const field of ['diskId', 'isOSDisk', 'logStorageAccountId', 'logStorageAccountSasSecretName'])
      if (!str(d[field])) return invalid(`Required parameter 'properties.providerSpecificDetails.disksToInclude[${i}].${field}' is missing (null).`);
  const machine = discoveredOf(ctx).get(String(input.vmwareMachineId).toLowerCase());
  if (!machine) return armError(404, 'MachineNotFound', `The machine '${String(input.vmwareMachineId)}' was not found in the VMware site.`);
  const machineDetails = (machine.providerSpecificDetails ?? {}) as Json;
  const region = str(machineDetails.targetLocation);
  const desRefused = refusedDes(ctx, disks, region);
  if (desRefused) return desRefused;
  const knownDisks = ((machineDetails.protectedDisks ?? []) as Json[]).map((d) => [String(d.diskId).toLowerCase(), d] as const);
  const byDisk = new Map(knownDisks);
  const protectedDisks = disks.map((d) => {
    const known = byDisk.get(String(d.diskId).toLowerCase()) ?? {};
    return {
      diskId: d.diskId,
      diskName: known.diskName,
      diskPath: known.diskPath,
      isOSDisk: d.isOSDisk,
      capacityInBytes: known.capacityInBytes,
      logStorageAccountId: d.logStorageAccountId,
      logStorageAccountSasSecretName: d.logStorageAccountSasSecretName,
      diskEncryptionSetId: str(d.diskEncryptionSetId) ?? '',
      targetDiskName: known.targetDiskName,
      diskType: d.diskType ?? known.diskType,
    };
  });
  const { disksToInclude: _, instanceType, ...settings } = input;
  void _;
  const item: ArmResource = {
    id,
    name: parseResourceId(id)!.name,
    type: MIGRATION_ITEM,
    properties: {
      machineName: machine.machineName,
      policyId: props.policyId,
      policyFriendlyName: str(props.policyId)?.split('/').pop(),
      recoveryServicesProviderId: machine.recoveryServicesProviderId,
      replicationStatus: 'Protected',
      migrationState: 'EnableMigrationInProgress',
      migrationStateDescription: 'Enabling replication',
      testMigrateState: 'None',
      testMigrateStateDescription: 'None',
      health: 'Normal',
      healthErrors: [],
      allowedOperations: [],
      currentJob: { jobName: 'EnableMigration' },
      criticalJobHistory: [],
      providerSpecificDetails: {
        instanceType,
        osType: machineDetails.osType,
        osName: machineDetails.osName,
        firmwareType: machineDetails.firmwareType,
        targetGeneration: machineDetails.targetGeneration,
        targetLocation: machineDetails.targetLocation,
        ...settings,
        protectedDisks,
        vmNics: machineDetails.vmNics ?? [],
        initialSeedingProgressPercentage: 0,
      },
    },
  };
  return enabled(ctx, item, String(input.vmwareMachineId), (p) => {
    p.migrationState = 'InitialSeedingInProgress';
    p.migrationStateDescription = 'Initial replication';
    p.allowedOperations = ['DisableMigration'];
    p.currentJob = { jobName: 'None' };
  });
}

/** An enabled item, stored at once and settled (`settle` on its properties) when its long-running operation completes. */
function enabled(ctx: ArmContext, item: ArmResource, machineId: string, settle: (p: Json) => void): Reply {
  ctx.store.put(item);
  const headers = ctx.lro.start(ctx, item.id, 'put', {
    urls: urls(ctx, item.id),
    onSettled: () => {
      const p = ctx.store.get(item.id)?.properties as Json | undefined;
      if (!p) return;
      settle(p);
      discoveredOf(ctx).delete(machineId.toLowerCase());
    },
  });
  if (ctx.lro.durationMs <= 0) ctx.lro.settle(ctx);
  return { status: 202, headers };
}

/** A disabled item: removed when its long-running operation completes, what was discovered of its machine kept. */
function disabled(ctx: ArmContext, item: ArmResource, machineId: string | undefined): Reply {
  const headers = ctx.lro.start(ctx, item.id, 'delete', {
    urls: urls(ctx, item.id),
    onSettled: () => {
      if (machineId) discoveredOf(ctx).set(machineId.toLowerCase(), structuredClone(item.properties as Json));
      ctx.store.remove(item.id);
    },
  });
  if (ctx.lro.durationMs <= 0) ctx.lro.settle(ctx);
  return { status: 202, headers };
}

/**
 * `POST {item}/migrate`: the migration itself, a long-running operation. When it completes the item is
 * MigrationSucceeded and its VM and managed disks are in the target group, each disk under the DES the item named for it.
 */
export function migrate(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
  if (ctx.req.method !== 'POST') return armError(405, 'MethodNotAllowed', 'Use POST to migrate.');
  const item = ctx.store.get(route.targetId);
  if (!item) return notFoundResource(MIGRATION_ITEM, parseResourceId(route.targetId)!.name, route.rg);
  const props = item.properties as Json;
  if (!((props.allowedOperations as string[] | undefined) ?? []).includes('Migrate'))
    return armError(
      400,
      'OperationNotAllowed',
      `Migrate is not allowed for '${String(props.machineName ?? item.name)}' in its current state (${String(props.migrationState ?? 'unknown')}).`,
    );
  const parsed = readJsonObject(ctx.req);
  if ('error' in parsed) return parsed.error;
  const input = obj((obj(parsed.body.properties) as Json).providerSpecificDetails);
  if (input.instanceType !== 'VMwareCbt' || typeof input.performShutdown !== 'string')
    return invalid("Required parameter 'properties.providerSpecificDetails.performShutdown' is missing (null).");
  const before = (props.allowedOperations as string[] | undefined) ?? [];
  props.migrationState = 'MigrationInProgress';
  props.migrationStateDescription = 'Migration in progress';
  props.allowedOperations = [];
  const headers = ctx.lro.start(ctx, item.id, 'put', {
    urls: urls(ctx, item.id),
    onSettled: () => {
      const p = ctx.store.get(item.id)?.properties as Json | undefined;
      if (!p) return;
      const details = obj(p.providerSpecificDetails);
      const landed = landedVm(ctx.store.get(item.id)!, String(details.targetLocation ?? 'westeurope'));
      // Azure Migrate creates each disk (unattached), then the VM: a Deny assignment refuses the first it does not allow.
      for (const r of [...landed.slice(1).map((d) => ({ ...d, managedBy: undefined })), landed[0]!]) {
        const denial = denies(ctx.store, r);
        if (!denial) continue;
        const message = disallowedMessage(r, denial);
        p.migrationState = 'Replicating';
        p.migrationStateDescription = 'Ready to migrate';
        p.lastMigrationStatus = 'Failed';
        p.allowedOperations = before;
        p.healthErrors = [
          ...((p.healthErrors as Json[] | undefined) ?? []),
          {
            errorCode: 'RequestDisallowedByPolicy',
            errorMessage: message,
            errorLevel: 'Error',
            errorCategory: 'Migration',
            recommendedAction: 'Allow the disk encryption set in the policy assignment, or replicate with one it allows, then migrate again.',
          },
        ];
        return { code: 'RequestDisallowedByPolicy', message };
      }
      p.migrationState = 'MigrationSucceeded';
      p.migrationStateDescription = 'Migration succeeded';
      p.allowedOperations = ['DisableMigration'];
      details.migrationProgressPercentage = 100;
      for (const r of landed) ctx.store.put(r);
    },
  });
  if (ctx.lro.durationMs <= 0) ctx.lro.settle(ctx);
  return { status: 202, headers };
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

const PROTECTED_ITEM = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems';

/**
 * Agent-based (InMageRcm) servers are protected items: `POST {item}/remove` disables replication
 * (ReplicationProtectedItems_Delete, a long-running operation) and `PUT {item}` with InMageRcmEnableProtectionInput
 * enables it (ReplicationProtectedItems_Create). What the appliance discovered of the machine outlives its replication,
 * by `fabricDiscoveryMachineId`. Other providers' protected items (A2A disaster recovery) are stored as written.
 */
export function protectedItem(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply | undefined {
  const existing = ctx.store.get(route.id);
  const provider = String(obj(obj(existing?.properties).providerSpecificDetails).instanceType ?? '');
  const input = obj(obj(body?.properties).providerSpecificDetails);
  if (ctx.req.method === 'PUT' && (input.instanceType === 'InMageRcm' || provider === 'InMageRcm')) return enableProtection(ctx, route.id, existing, body);
  return undefined;
}

export function removeProtection(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
  if (ctx.req.method !== 'POST') return armError(405, 'MethodNotAllowed', 'Use POST to disable protection.');
  const existing = ctx.store.get(route.targetId);
  if (!existing) return notFoundResource(PROTECTED_ITEM, parseResourceId(route.targetId)!.name, route.rg);
  const parsed = readJsonObject(ctx.req);
  if ('error' in parsed) return parsed.error;
  const props = existing.properties as Json;
  if (!((props.allowedOperations as string[] | undefined) ?? []).includes('DisableProtection'))
    return armError(
      400,
      'OperationNotAllowed',
      `Disable protection is not allowed for '${String(props.friendlyName ?? existing.name)}' in its current state (${String(props.protectionState ?? 'unknown')}).`,
    );
  props.protectionState = 'DisablingProtection';
  props.protectionStateDescription = 'Disabling protection';
  props.allowedOperations = [];
  return disabled(ctx, existing, str(obj(props.providerSpecificDetails).fabricDiscoveryMachineId));
}

function enableProtection(ctx: ArmContext, id: string, existing: ArmResource | undefined, body: Json | undefined): Reply {
  if (existing)
    return armError(
      409,
      'ProtectionAlreadyEnabled',
      `Protection is already enabled for '${String((existing.properties as Json).friendlyName ?? existing.name)}'. Disable it before enabling it again.`,
    );
  const props = obj(body?.properties);
  const input = obj(props.providerSpecificDetails);
  if (!str(props.policyId)) return invalid("Required parameter 'properties.policyId' is missing (null).");
  for (const field of ['fabricDiscoveryMachineId', 'targetResourceGroupId', 'processServerId'])
    if (!str(input[field])) return invalid(`Required parameter 'properties.providerSpecificDetails.${field}' is missing (null).`);
  const disks = Array.isArray(input.disksToInclude) ? (input.disksToInclude as Json[]) : [];
  if (disks.length === 0 && !input.disksDefault)
    return invalid("Either 'properties.providerSpecificDetails.disksToInclude' or 'properties.providerSpecificDetails.disksDefault' is required.");
  for (const [i, d] of disks.entries())
    for (const field of ['diskId', 'logStorageAccountId', 'diskType'])
      if (!str(d[field])) return invalid(`Required parameter 'properties.providerSpecificDetails.disksToInclude[${i}].${field}' is missing (null).`);
  const machine = discoveredOf(ctx).get(String(input.fabricDiscoveryMachineId).toLowerCase());
  if (!machine) return armError(404, 'MachineNotFound', `The machine '${String(input.fabricDiscoveryMachineId)}' was not discovered by the appliance.`);
  const machineDetails = obj(machine.providerSpecificDetails);
  const region = str(machineDetails.targetLocation);
  const wanted =
    disks.length > 0 ? disks : (((machineDetails.protectedDisks ?? []) as Json[]).map((d) => ({ ...obj(input.disksDefault), diskId: d.diskId })) as Json[]);
  const desRefused = refusedDes(ctx, wanted, region);
  if (desRefused) return desRefused;
  const byDisk = new Map(((machineDetails.protectedDisks ?? []) as Json[]).map((d) => [String(d.diskId).toLowerCase(), d] as const));
  const protectedDisks = wanted.map((d) => {
    const known = byDisk.get(String(d.diskId).toLowerCase()) ?? {};
    return {
      ...known,
      diskId: d.diskId,
      logStorageAccountId: d.logStorageAccountId,
      diskType: d.diskType,
      diskEncryptionSetId: str(d.diskEncryptionSetId) ?? '',
      isInitialReplicationComplete: 'false',
    };
  });
  const { disksToInclude: _d, disksDefault: _dd, instanceType, targetSubnetName, testSubnetName, ...settings } = input;
  void _d;
  void _dd;
  const nics = ((machineDetails.vmNics ?? []) as Json[]).map((n) =>
    n.isPrimaryNic === 'true' ? { ...n, ...(targetSubnetName ? { targetSubnetName } : {}), ...(testSubnetName ? { testSubnetName } : {}) } : n,
  );
  const item: ArmResource = {
    id,
    name: parseResourceId(id)!.name,
    type: PROTECTED_ITEM,
    properties: {
      ...machine,
      protectableItemId: str(props.protectableItemId) ?? machine.protectableItemId,
      policyId: props.policyId,
      policyFriendlyName: str(props.policyId)?.split('/').pop(),
      protectionState: 'EnablingProtection',
      protectionStateDescription: 'Enabling protection',
      testFailoverState: 'None',
      testFailoverStateDescription: 'None',
      allowedOperations: [],
      replicationHealth: 'Normal',
      healthErrors: [],
      providerSpecificDetails: {
        ...machineDetails,
        instanceType,
        ...settings,
        protectedDisks,
        vmNics: nics,
        initialReplicationProgressPercentage: 0,
      },
    },
  };
  return enabled(ctx, item, String(input.fabricDiscoveryMachineId), (p) => {
    p.protectionState = 'Protected';
    p.protectionStateDescription = 'Initial replication in progress';
    p.allowedOperations = ['DisableProtection', 'RepairReplication'];
  });
}

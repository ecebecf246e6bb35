/** Microsoft.Compute: disk encryption sets (a long-running create, update and delete) and the resources they encrypt. */
import type { Reply } from '../../http';
import { page, type ArmContext, type Route } from '../context';
import { armError, notFoundResource } from '../errors';
import { parseResourceId } from '../../../../lib/estate/ids';
import { assignIdentity, baseResource, type Json } from '../resource';
import { writeStatus } from '../status-codes';
import { featureState } from './features';
import { generic } from './resources';

export function diskEncryptionSet(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    (existing.properties as Json).provisioningState = 'Deleting';
    return { status: 202, headers: ctx.lro.start(ctx, route.id, 'delete') };
  }
  if (ctx.req.method === 'PATCH' && !existing)
    return notFoundResource('Microsoft.Compute/diskEncryptionSets', parseResourceId(route.id)!.name, parseResourceId(route.id)!.resourceGroup);
  const props = { ...((existing?.properties as Json | undefined) ?? {}), ...((body?.properties as Json | undefined) ?? {}) };
  if (ctx.req.method === 'PUT' && !body?.location) return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  const name = parseResourceId(route.id)!.name;
  if (!/^[a-zA-Z0-9_-]{1,80}$/.test(name)) {
    return armError(400, 'InvalidParameter', `The entity name 'diskEncryptionSetName' is invalid according to its validation rule: ^[a-zA-Z0-9_-]{1,80}$.`);
  }
  const activeKey = props.activeKey as { keyUrl?: string; sourceVault?: { id?: string } } | undefined;
  if (!activeKey?.keyUrl) return armError(400, 'InvalidParameter', "Required parameter 'activeKey.keyUrl' is missing (null).");
  if (!/^https:\/\/[^/]+\/keys\/[^/]+\/[0-9a-fA-F]{32}$/.test(activeKey.keyUrl)) {
    return armError(
      400,
      'InvalidParameter',
      `The key URL '${activeKey.keyUrl}' is not valid. Fully versioned Key Url pointing to a key in KeyVault is required; the version segment of the Url is required regardless of rotationToLatestKeyVersionEnabled value.`,
    );
  }
  if (activeKey.sourceVault?.id && !ctx.store.get(activeKey.sourceVault.id)) {
    return armError(400, 'KeyVaultNotFound', `The key vault '${activeKey.sourceVault.id}' was not found.`);
  }
  if (
    existing &&
    props.encryptionType &&
    (existing.properties as Json).encryptionType &&
    props.encryptionType !== (existing.properties as Json).encryptionType
  ) {
    return armError(
      400,
      'PropertyChangeNotAllowed',
      "Changing property 'encryptionType' is not allowed. Create a new disk encryption set to use a different encryption type.",
    );
  }
  props.encryptionType ??= 'EncryptionAtRestWithCustomerKey';
  props.previousKeys ??= [];
  props.provisioningState = 'Updating';
  if (existing && activeKey.keyUrl !== ((existing.properties as Json).activeKey as { keyUrl?: string } | undefined)?.keyUrl) {
    props.lastKeyRotationTimestamp = new Date(ctx.nowMs()).toISOString();
  }
  const identity = assignIdentity(ctx, existing, body);
  if (identity && 'status' in identity) return identity;
  const r = baseResource(route, existing, body);
  r.identity = identity;
  r.properties = props;
  ctx.store.put(r);
  const headers = ctx.lro.start(ctx, route.id, ctx.req.method === 'PATCH' ? 'patch' : 'put');
  if (ctx.lro.durationMs <= 0) ctx.lro.settle(ctx);
  return { status: writeStatus(route.type, !!existing), body: ctx.store.get(route.id), headers };
}

/** The disks (and other resources) a disk encryption set encrypts. */
export function associatedResources(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
  if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET for associatedResources.');
  const des = ctx.store.get(route.targetId);
  if (!des) return notFoundResource('Microsoft.Compute/diskEncryptionSets', parseResourceId(route.targetId)!.name, route.rg);
  const ids = ctx.store
    .all()
    .filter((r) => {
      const enc = (r.properties as Json | undefined)?.encryption as { diskEncryptionSetId?: string } | undefined;
      return enc?.diskEncryptionSetId && enc.diskEncryptionSetId.toLowerCase() === des.id.toLowerCase();
    })
    .map((r) => r.id);
  return page(ctx, ids);
}

/** Where Compute has VM operations polled: `locations/{location}/operations/{id}` (DiskOperations are the disks'). */
const vmOperationUrls = (ctx: ArmContext, vmId: string) => (opId: string, apiVersion: string) => {
  const p = parseResourceId(vmId)!;
  const location = String(ctx.store.get(vmId)?.location ?? 'westeurope');
  const base = `${ctx.req.origin}/subscriptions/${p.subscriptionId}/providers/Microsoft.Compute/locations/${location}/operations/${opId}?api-version=${apiVersion}`;
  return { asyncOperation: base, location: `${base}&monitor=true` };
};

/** Whether each VM runs or is deallocated (not a property ARM returns without `$expand=instanceView`): running unless told. */
const power = new WeakMap<object, Map<string, 'running' | 'deallocated' | 'stopped'>>();
export function powerOf(ctx: ArmContext): Map<string, 'running' | 'deallocated' | 'stopped'> {
  let m = power.get(ctx.store.estate);
  if (!m) power.set(ctx.store.estate, (m = new Map()));
  return m;
}

/**
 * VirtualMachines_Update (PATCH), merged into the VM, and VirtualMachines_CreateOrUpdate (PUT) of an existing VM, which
 * replaces it (as `az vm update` sends). Turning encryption at host on or off needs the subscription's
 * `Microsoft.Compute/EncryptionAtHost` feature registered and the VM deallocated, as Compute requires.
 */
export function virtualMachine(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  const p = parseResourceId(route.id)!;
  if (!existing) return notFoundResource('Microsoft.Compute/virtualMachines', p.name, p.resourceGroup);
  const props = (existing.properties ?? {}) as Json;
  const given = (body?.properties ?? {}) as Json;
  const wantedAtHost = (given.securityProfile as Json | undefined)?.encryptionAtHost;
  const currentAtHost = (props.securityProfile as Json | undefined)?.encryptionAtHost === true;
  if (typeof wantedAtHost === 'boolean' && wantedAtHost !== currentAtHost) {
    const featureId = `/subscriptions/${p.subscriptionId}/providers/Microsoft.Features/providers/Microsoft.Compute/features/EncryptionAtHost`;
    if (wantedAtHost && featureState(ctx, featureId) !== 'Registered')
      return armError(
        400,
        'InvalidParameter',
        "The property 'securityProfile.encryptionAtHost' is not valid because the 'Microsoft.Compute/EncryptionAtHost' feature is not enabled for this subscription.",
      );
    if ((powerOf(ctx).get(route.id.toLowerCase()) ?? 'running') !== 'deallocated')
      // Compute's answer for a property it changes only on a deallocated VM (as for osProfile: 409 PropertyChangeNotAllowed).
      return armError(409, 'PropertyChangeNotAllowed', "Changing property 'securityProfile.encryptionAtHost' is not allowed.");
  }
  if (ctx.req.method === 'PUT') return generic(ctx, route, body);
  const merged: Json = { ...props, ...given };
  if (given.securityProfile) merged.securityProfile = { ...((props.securityProfile as Json | undefined) ?? {}), ...(given.securityProfile as Json) };
  merged.provisioningState = 'Updating';
  ctx.store.put({ ...existing, ...(body?.tags ? { tags: body.tags as Record<string, string> } : {}), properties: merged });
  const headers = ctx.lro.start(ctx, route.id, 'patch', { urls: vmOperationUrls(ctx, route.id) });
  if (ctx.lro.durationMs <= 0) ctx.lro.settle(ctx);
  return { status: 200, body: ctx.store.get(route.id), headers };
}

/** VirtualMachines_Deallocate / Start / PowerOff: 202 and a long-running operation; the VM's power changes when it ends. */
export function vmPower(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
  if (ctx.req.method !== 'POST') return armError(405, 'MethodNotAllowed', `The requested method '${ctx.req.method}' is not allowed.`);
  const vm = ctx.store.get(route.targetId);
  const p = parseResourceId(route.targetId)!;
  if (!vm) return notFoundResource('Microsoft.Compute/virtualMachines', p.name, p.resourceGroup);
  const next = route.action === 'vm:start' ? 'running' : route.action === 'vm:deallocate' ? 'deallocated' : 'stopped';
  const headers = ctx.lro.start(ctx, vm.id, 'patch', { urls: vmOperationUrls(ctx, vm.id), onSettled: () => void powerOf(ctx).set(vm.id.toLowerCase(), next) });
  if (ctx.lro.durationMs <= 0) ctx.lro.settle(ctx);
  return { status: 202, headers };
}

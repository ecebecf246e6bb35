/** Microsoft.Compute: disk encryption sets (a long-running create, update and delete) and the resources they encrypt. */
import type { Reply } from '../../http';
import { page, type ArmContext, type Route } from '../context';
import { armError, notFoundResource } from '../errors';
import { parseResourceId } from '../../../../lib/estate/ids';
import { assignIdentity, baseResource, type Json } from '../resource';
import { writeStatus } from '../status-codes';

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

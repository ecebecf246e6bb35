/** Microsoft.Resources (resource groups) and every resource type without a provider module of its own. */
import type { Reply } from '../../http';
import type { ArmContext } from '../context';
import { armError, notFoundResource } from '../errors';
import { sameType, parseResourceId } from '../../../../lib/estate/ids';
import { assignIdentity, baseResource, canonicalType, created, type Json } from '../resource';

export function resourceGroup(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(route.id);
    return { status: 200 };
  }
  if (ctx.req.method === 'PATCH') {
    if (!existing) return notFoundResource('Microsoft.Resources/resourceGroups', parseResourceId(route.id)!.name, undefined);
  } else if (!body?.location && !existing) {
    return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  }
  const r = baseResource(route, existing, body);
  r.properties = { provisioningState: 'Succeeded' };
  ctx.store.put(r);
  return created(existing, r);
}

export function generic(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(route.id);
    return { status: 200 };
  }
  if (ctx.req.method === 'PATCH' && !existing)
    return notFoundResource(canonicalType(route.type), parseResourceId(route.id)!.name, parseResourceId(route.id)!.resourceGroup);
  const r = baseResource(route, existing, body);
  const props = { ...((ctx.req.method === 'PATCH' ? existing?.properties : undefined) ?? {}), ...((body?.properties as Json | undefined) ?? {}) };
  if (!sameType(route.type, 'Microsoft.Authorization/locks') && !sameType(route.type, 'Microsoft.Insights/diagnosticSettings'))
    props.provisioningState ??= 'Succeeded';
  r.properties = props;
  if (body?.identity !== undefined) {
    const identity = assignIdentity(ctx, existing, body);
    if (identity && 'status' in identity) return identity;
    r.identity = identity;
  }
  ctx.store.put(r);
  return created(existing, r);
}

/** Microsoft.ManagedIdentity: user-assigned identities, each with a principal registered in the directory. */
import { randomUUID } from 'node:crypto';
import type { Reply } from '../../http';
import type { ArmContext } from '../context';
import { armError } from '../errors';
import { baseResource, created, type Json } from '../resource';

export function userAssignedIdentity(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(route.id);
    return { status: 200 };
  }
  if (ctx.req.method === 'PUT' && !body?.location && !existing)
    return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  const r = baseResource(route, existing, body);
  const before = (existing?.properties ?? {}) as Json;
  const principalId = (before.principalId as string | undefined) ?? randomUUID();
  ctx.store.registerPrincipal(principalId);
  r.properties = { tenantId: ctx.store.tenantId, principalId, clientId: (before.clientId as string | undefined) ?? randomUUID() };
  ctx.store.put(r);
  return created(existing, r);
}

/**
 * Microsoft.Features: preview features a subscription registers for (Features_Get, Features_Register). A registration
 * is `Registering` for a while and then `Registered`, as Azure's are; the emulator takes its long-running-operation
 * duration for it. Every feature starts `NotRegistered`.
 */
import type { Reply } from '../../http';
import type { ArmContext, Route } from '../context';
import { armError } from '../errors';

type State = 'NotRegistered' | 'Registering' | 'Registered';
// Kept beside the estate the store was reset to, so a reset forgets them.
const registrations = new WeakMap<object, Map<string, number>>();
const of = (ctx: ArmContext) => {
  let m = registrations.get(ctx.store.estate);
  if (!m) registrations.set(ctx.store.estate, (m = new Map()));
  return m;
};

/** The feature's state in its subscription (the id names both). */
export function featureState(ctx: ArmContext, featureId: string): State {
  const at = of(ctx).get(featureId.toLowerCase());
  if (at === undefined) return 'NotRegistered';
  return ctx.nowMs() >= at ? 'Registered' : 'Registering';
}

export function feature(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
  const register = route.action === 'feature:register';
  if (register ? ctx.req.method !== 'POST' : ctx.req.method !== 'GET')
    return armError(405, 'MethodNotAllowed', `The requested method '${ctx.req.method}' is not allowed.`);
  const [, , , , , ns = '', , name = ''] = route.targetId.split('/').slice(1);
  const id = route.targetId;
  if (register && featureState(ctx, id) === 'NotRegistered') of(ctx).set(id.toLowerCase(), ctx.nowMs() + ctx.lro.durationMs);
  return {
    status: 200,
    body: { id, name: `${ns}/${name}`, type: 'Microsoft.Features/providers/features', properties: { state: featureState(ctx, id) } },
  };
}

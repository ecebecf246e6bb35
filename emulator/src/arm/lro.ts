import { randomUUID } from 'node:crypto';
import { parseResourceId } from '../../../lib/estate/ids';
import { queryParam, type Reply } from '../http';
import type { ArmContext, LongRunningOperations } from './context';
import { armError } from './errors';
import type { Json } from './resource';

interface Operation {
  id: string;
  resourceId: string;
  kind: 'put' | 'patch' | 'delete';
  startMs: number;
  doneMs: number;
  settled: boolean;
  /** What the provider does when the operation finishes, instead of the default (provisioningState, or removal); an error fails it. */
  onSettled?: () => OperationError | void;
  error?: OperationError;
}

/** Why an operation failed, as ARM's operation status reports it. */
export interface OperationError {
  code: string;
  message: string;
}

/** Where clients poll an operation: Compute's DiskOperations unless the provider says otherwise. */
export interface OperationUrls {
  asyncOperation: string;
  location: string;
}

/**
 * Long-running operations the way Compute runs them: the write answers at once with
 * `Azure-AsyncOperation`, the resource shows `Updating`/`Deleting`, and after the configured
 * duration the operation reports `Succeeded` and the resource settles.
 */
export class LroRegistry implements LongRunningOperations {
  private ops = new Map<string, Operation>();

  constructor(public durationMs: number) {}

  reset(): void {
    this.ops.clear();
  }

  start(
    ctx: ArmContext,
    resourceId: string,
    kind: Operation['kind'],
    provider?: { urls?: (opId: string, apiVersion: string) => OperationUrls; onSettled?: () => OperationError | void },
  ): Record<string, string> {
    const id = randomUUID();
    const now = ctx.nowMs();
    this.ops.set(id, { id, resourceId, kind, startMs: now, doneMs: now + this.durationMs, settled: false, onSettled: provider?.onSettled });
    const p = parseResourceId(resourceId)!;
    const location = String(ctx.store.get(resourceId)?.location ?? 'westeurope');
    const apiVersion = queryParam(ctx.req, 'api-version')!;
    const base = `${ctx.req.origin}/subscriptions/${p.subscriptionId}/providers/Microsoft.Compute/locations/${location}/DiskOperations/${id}?p=${encodeURIComponent(randomUUID())}&api-version=${apiVersion}`;
    const urls = provider?.urls?.(id, apiVersion) ?? { asyncOperation: base, location: `${base}&monitor=true` };
    const headers: Record<string, string> = { 'Azure-AsyncOperation': urls.asyncOperation, Location: urls.location };
    if (this.durationMs > 0) headers['Retry-After'] = retryAfter(this.durationMs);
    return headers;
  }

  /** Finishes every operation whose time has come. Called before each ARM request. */
  settle(ctx: ArmContext): void {
    const now = ctx.nowMs();
    for (const op of this.ops.values()) {
      if (op.settled || op.doneMs > now) continue;
      op.settled = true;
      if (op.onSettled) op.error = op.onSettled() ?? undefined;
      else if (op.kind === 'delete') {
        ctx.store.remove(op.resourceId);
      } else {
        const r = ctx.store.get(op.resourceId);
        if (r) (r.properties as Json).provisioningState = 'Succeeded';
      }
    }
  }

  status(ctx: ArmContext, opId: string): Reply {
    this.settle(ctx);
    const op = this.ops.get(opId);
    if (!op) return armError(404, 'NotFound', `The operation '${opId}' was not found.`);
    const body: Json = {
      name: op.id,
      startTime: new Date(op.startMs).toISOString(),
      status: op.settled ? (op.error ? 'Failed' : 'Succeeded') : 'InProgress',
      ...(op.error ? { error: op.error } : {}),
    };
    if (op.settled) body.endTime = new Date(op.doneMs).toISOString();
    // Site Recovery's Location (`{item}/operationresults/{id}`): 202 while it runs, then the resource (204 once deleted).
    if (/\/operationresults\//i.test(ctx.req.path)) {
      if (!op.settled) return { status: 202, headers: { Location: ctx.req.url.toString(), 'Retry-After': retryAfter(op.doneMs - ctx.nowMs()) } };
      if (op.error) return armError(400, op.error.code, op.error.message);
      const resource = ctx.store.get(op.resourceId);
      return resource && op.kind !== 'delete' ? { status: 200, body: resource } : { status: 204 };
    }
    const monitor = queryParam(ctx.req, 'monitor') === 'true';
    // Every in-progress answer says when to ask again, as Compute's do: without it clients wait their default (az: 30 s).
    const again = op.settled ? undefined : retryAfter(op.doneMs - ctx.nowMs());
    if (monitor && again) return { status: 202, headers: { Location: ctx.req.url.toString(), 'Retry-After': again } };
    return { status: 200, body, ...(again ? { headers: { 'Retry-After': again } } : {}) };
  }
}

/** Seconds until an operation is likely done: at least 1, at most 10. */
function retryAfter(remainingMs: number): string {
  return String(Math.min(10, Math.max(1, Math.ceil(remainingMs / 1000))));
}

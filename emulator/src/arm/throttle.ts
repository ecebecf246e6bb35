/**
 * ARM's token-bucket throttling (learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling):
 * per principal, per subscription and per kind; reads 250 with 25 refilled a second, writes 200 with 10 a second.
 */
export interface BucketSpec {
  capacity: number;
  refillPerSecond: number;
}

export const ARM_BUCKETS: Record<'reads' | 'writes' | 'deletes', BucketSpec> = {
  reads: { capacity: 250, refillPerSecond: 25 },
  writes: { capacity: 200, refillPerSecond: 10 },
  deletes: { capacity: 200, refillPerSecond: 10 },
};

export type Kind = keyof typeof ARM_BUCKETS;

export class Throttle {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly specs: Record<Kind, BucketSpec> = ARM_BUCKETS) {}

  /** Takes one token; `retryAfterSeconds` says when the next one arrives if none is left. */
  take(principal: string, subscription: string, kind: Kind, nowMs: number): { ok: boolean; remaining: number; retryAfterSeconds: number } {
    const spec = this.specs[kind];
    const key = `${principal}|${subscription}|${kind}`.toLowerCase();
    const b = this.buckets.get(key) ?? { tokens: spec.capacity, at: nowMs };
    b.tokens = Math.min(spec.capacity, b.tokens + ((nowMs - b.at) / 1000) * spec.refillPerSecond);
    b.at = nowMs;
    this.buckets.set(key, b);
    if (b.tokens < 1) {
      return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / spec.refillPerSecond)) };
    }
    b.tokens -= 1;
    return { ok: true, remaining: Math.floor(b.tokens), retryAfterSeconds: 0 };
  }

  reset(): void {
    this.buckets.clear();
  }
}

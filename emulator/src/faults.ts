/**
 * The fault switchboard (loopback only): add latency, force a status or drop the connection for
 * requests that match a method and a path pattern, for the next N requests or until reset.
 */
import * as z from 'zod/mini';

export interface FaultRule {
  id: string;
  /** `GET`, `PUT`, … or `*`. */
  method: string;
  /** A glob over the path (`*` any run of characters, case-insensitive), or a regular expression written `/…/`. */
  path: string;
  latencyMs?: number;
  status?: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  /** Close the socket without an answer (a dropped connection). */
  drop?: boolean;
  /** Reply with a body that is not JSON (a malformed payload). */
  malformed?: boolean;
  /** How many matching requests this rule still applies to; absent means unlimited. */
  remaining?: number;
}

export type FaultInput = Omit<FaultRule, 'id' | 'remaining'> & { count?: number };

/** A fault rule as the control endpoint takes it: the schema is the one description of what a fault may say. */
const faultSchema = z
  .strictObject({
    method: z.optional(z.string('method must be a string')),
    path: z
      .string('path is required (a glob such as /subscriptions/*/providers/Microsoft.Compute/* or a /regex/)')
      .check(z.minLength(1, 'path is required (a glob such as /subscriptions/*/providers/Microsoft.Compute/* or a /regex/)')),
    latencyMs: z.optional(
      z.number('latencyMs must be 0..120000').check(z.minimum(0, 'latencyMs must be 0..120000'), z.maximum(120_000, 'latencyMs must be 0..120000')),
    ),
    status: z.optional(
      z
        .int('status must be an HTTP status code')
        .check(z.minimum(100, 'status must be an HTTP status code'), z.maximum(599, 'status must be an HTTP status code')),
    ),
    code: z.optional(z.string('code must be a string')),
    message: z.optional(z.string('message must be a string')),
    retryAfterSeconds: z.optional(z.number('retryAfterSeconds must be a number').check(z.minimum(0, 'retryAfterSeconds must be a number'))),
    drop: z.optional(z.boolean('drop must be true or false')),
    malformed: z.optional(z.boolean('malformed must be true or false')),
    count: z.optional(z.int('count must be a positive number').check(z.minimum(1, 'count must be a positive number'))),
  })
  .check(z.refine((f) => f.status !== undefined || !!f.drop || !!f.latencyMs || !!f.malformed, 'a fault needs status, latencyMs, drop or malformed'));

export function validateFault(input: unknown): FaultInput | string {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return 'expected a JSON object';
  const r = faultSchema.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return i.code === 'unrecognized_keys' ? `unknown field ${i.keys.join(', ')}` : i.message;
  }
  return { ...r.data, method: r.data.method?.toUpperCase() ?? '*' };
}

function toRegExp(pattern: string): RegExp {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/') && pattern.includes('(') === pattern.includes(')')) {
    try {
      return new RegExp(pattern.slice(1, -1), 'i');
    } catch {
      /* fall through to glob */
    }
  }
  return new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
    'i',
  );
}

export class Faults {
  private rules: FaultRule[] = [];
  private next = 1;

  add(input: FaultInput): FaultRule {
    const { count, ...rest } = input;
    const rule: FaultRule = { ...rest, id: String(this.next++), ...(count ? { remaining: count } : {}) };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  reset(): void {
    this.rules = [];
  }

  /** The first rule that matches, used up by one when counted. Path patterns with a `/regex/` form match anywhere. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => (r.method === '*' || r.method === method) && toRegExp(r.path).test(path));
    if (!rule) return undefined;
    if (rule.remaining !== undefined) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return rule;
  }
}

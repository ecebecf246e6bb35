/**
 * The fault switchboard (loopback only): add latency, force a status or drop the connection for
 * requests that match a method and a path pattern, for the next N requests or until reset.
 */
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

export function validateFault(input: unknown): FaultInput | string {
  if (!input || typeof input !== 'object') return 'expected a JSON object';
  const f = input as Record<string, unknown>;
  if (typeof f.path !== 'string' || f.path.length === 0) return 'path is required (a glob such as /subscriptions/*/providers/Microsoft.Compute/* or a /regex/)';
  if (f.method !== undefined && typeof f.method !== 'string') return 'method must be a string';
  if (f.status !== undefined && (typeof f.status !== 'number' || f.status < 100 || f.status > 599)) return 'status must be an HTTP status code';
  if (f.latencyMs !== undefined && (typeof f.latencyMs !== 'number' || f.latencyMs < 0 || f.latencyMs > 120_000)) return 'latencyMs must be 0..120000';
  if (f.count !== undefined && (typeof f.count !== 'number' || f.count < 1)) return 'count must be a positive number';
  if (f.status === undefined && !f.drop && !f.latencyMs && !f.malformed) return 'a fault needs status, latencyMs, drop or malformed';
  return { ...(f as FaultInput), method: (f.method as string | undefined)?.toUpperCase() ?? '*' };
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

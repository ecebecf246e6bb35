/** Wording shared by findings, the chain and custody: a resource's short name, a scope in words. */
import type { EstateGap } from '../estate/file';
import { isArmGap, normalizeId } from '../estate/ids';
import type { Estate } from '../estate/model';

/** The last segment of an ARM id: what people call the resource. */
export function nameOf(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

export function subscriptionName(estate: Estate, subscriptionId: string | undefined): string {
  if (!subscriptionId) return 'an unknown subscription';
  const s = estate.subscriptions.get(subscriptionId.toLowerCase());
  return s ? `${s.displayName} (${s.subscriptionId})` : subscriptionId;
}

/** A target subscription by its name; one the signed-in user cannot read is named as such, not left a bare GUID. */
export function targetSubscriptionName(estate: Estate, id: string | undefined): string {
  if (!id) return '';
  return estate.subscriptions.get(id.toLowerCase())?.displayName ?? `${id} (not visible with your access)`;
}

export function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `a`, `a and b`, `a, b and c` */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Where a role assignment applies, in words: "subscription Contoso Health – Landing Zone", "resource group rg-x", or `resource.label` for the resource itself. */
export function scopeName(estate: Pick<Estate, 'subscriptions'>, scope: string, resource?: { id: string; label: string }): string {
  if (resource && normalizeId(scope) === normalizeId(resource.id)) return resource.label;
  if (scope === '/') return 'the tenant root';
  const segs = scope.split('/').filter(Boolean);
  if (segs.length === 2) return `subscription ${estate.subscriptions.get(segs[1]!.toLowerCase())?.displayName ?? segs[1]}`;
  if (segs.length === 4) return `resource group ${segs[3]}`;
  return scope;
}

/**
 * What could not be read, one line per failure rather than per scope: the same refusal on twelve subscriptions is one
 * line naming them (subscriptions by name where the capture knows it).
 */
export function gapLines(readiness: { file: { gaps?: EstateGap[] }; estate: Estate }) {
  const groups = new Map<string, string[]>();
  for (const g of (readiness.file.gaps ?? []).filter(isArmGap)) {
    const key = `${g.operation}\u0000${g.status ? `${g.status} ` : ''}${g.code}. ${g.message}`;
    const sub = /^\/subscriptions\/([^/]+)$/i.exec(g.scope)?.[1];
    groups.set(key, [...(groups.get(key) ?? []), sub ? subscriptionName(readiness.estate, sub) : g.scope]);
  }
  return [...groups].map(([key, scopes]) => {
    const [operation, why] = key.split('\u0000');
    const what = scopes.every((x) => !x.startsWith('/')) ? 'subscriptions' : 'scopes';
    return `Could not ${operation} on ${scopes.length === 1 ? scopes[0] : `${scopes.length} ${what} (${scopes.join('; ')})`}: ${why}`;
  });
}

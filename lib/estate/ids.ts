/**
 * ARM resource ids, compared the way ARM compares them: case-insensitively, segment by segment.
 * Real payloads mix `/Subscriptions/` and `/subscriptions/`, `resourcegroups` and `resourceGroups`.
 */

export function normalizeId(id: string): string {
  let end = id.length;
  while (end > 0 && (id.charCodeAt(end - 1) === 47 /* / */ || id.charCodeAt(end - 1) <= 32)) end--;
  let start = 0;
  while (start < end && id.charCodeAt(start) <= 32) start++;
  return (start === 0 && end === id.length ? id : id.slice(start, end)).toLowerCase();
}

export function sameId(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  return normalizeId(a) === normalizeId(b);
}

/** True when `scope` is `id` itself or one of its ancestors (`/` is everyone's ancestor). */
export function isAtOrBelow(id: string, scope: string): boolean {
  const s = normalizeId(scope);
  if (s === '' || s === '/') return true;
  const i = normalizeId(id);
  return i === s || i.startsWith(s + '/');
}

export function segments(id: string): string[] {
  return id.split('/').filter((s) => s.length > 0);
}

export interface ParsedId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** `Microsoft.Compute/diskEncryptionSets`, `Microsoft.KeyVault/vaults/keys`, … */
  type: string;
  name: string;
  /**
   * Everything before the last `/providers/`: the resource group or subscription for ordinary
   * resources, the resource itself for extension resources (role assignments, locks, diagnostic
   * settings), `/` for tenant-level ones.
   */
  scope: string;
  /** Id of the parent resource for nested types; the resource group or subscription otherwise. */
  parentId?: string;
}

/**
 * Derives subscription, resource group, full type and name from an ARM id.
 * Returns undefined for strings that are not ARM ids.
 */
export function parseResourceId(id: string): ParsedId | undefined {
  const segs = segments(id);
  if (segs.length === 0) return undefined;
  const lower = segs.map((s) => s.toLowerCase());
  let subscriptionId: string | undefined;
  let resourceGroup: string | undefined;
  if (lower[0] === 'subscriptions') {
    subscriptionId = segs[1];
    if (!subscriptionId) return undefined;
    if (segs.length === 2) return { subscriptionId, type: 'Microsoft.Resources/subscriptions', name: subscriptionId, scope: '/' };
    if (lower[2] === 'resourcegroups') {
      resourceGroup = segs[3];
      if (!resourceGroup) return undefined;
      if (segs.length === 4) {
        return {
          subscriptionId,
          resourceGroup,
          type: 'Microsoft.Resources/resourceGroups',
          name: resourceGroup,
          scope: `/subscriptions/${subscriptionId}`,
          parentId: `/subscriptions/${subscriptionId}`,
        };
      }
    }
  }
  const lastProviders = lower.lastIndexOf('providers');
  if (lastProviders < 0) return undefined;
  const namespace = segs[lastProviders + 1];
  const rest = segs.slice(lastProviders + 2);
  if (!namespace || rest.length < 2 || rest.length % 2 !== 0) return undefined;
  const typeParts: string[] = [namespace];
  for (let i = 0; i < rest.length; i += 2) typeParts.push(rest[i]!);
  const name = rest[rest.length - 1]!;
  const scopeSegs = segs.slice(0, lastProviders);
  const scope = '/' + scopeSegs.join('/');
  const parentSegs = segs.slice(0, segs.length - 2);
  const parentId = rest.length > 2 ? '/' + parentSegs.join('/') : scopeSegs.length > 0 ? '/' + scopeSegs.join('/') : undefined;
  return { subscriptionId, resourceGroup, type: typeParts.join('/'), name, scope, parentId };
}

export function sameType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A gap in what ARM showed (its scope is an ARM id), as opposed to names Microsoft Graph could not give: those
 * leave principals as object ids and change no verdict or control.
 */
export function isArmGap(g: { scope: string }): boolean {
  return g.scope.startsWith('/');
}

/** The resource exactly as ARM sent it (for the JSON view), by id in any casing. */
export function rawResource<R>(estate: { raw: Map<string, R> }, id: string): R | undefined {
  return estate.raw.get(normalizeId(id));
}

import type { ArmResource } from '../../../lib/estate/file';
import { isAtOrBelow, normalizeId, parseResourceId, sameType, segments } from '../../../lib/estate/ids';
import { queryParam, type Reply, type Req } from '../http';
import type { Store } from '../store';
import { apiVersionTable, supportedApiVersions } from './api-versions';
import { armError, notFoundResource, parentNotFound, resourceGroupNotFound, subscriptionNotFound } from './errors';
import { hasAnyAccess, isAllowed, subscriptionsVisibleTo } from './rbac';
import type { Kind } from './throttle';
import { handleExtension } from './providers/authorization';
import { classify, forbidden, page, precheck, type ArmContext, type Route } from './context';

export { classify, forbidden, page, precheck, type ArmContext, type Principal, type Route } from './context';
import { handleWrite, handleAction } from './writes';

function apiVersionType(route: Route): string | undefined {
  switch (route.kind) {
    case 'subscriptions':
    case 'subscription':
      return 'Microsoft.Resources/subscriptions';
    case 'tenants':
      return 'Microsoft.Resources/tenants';
    case 'collection':
    case 'instance':
    case 'extension':
    case 'operation':
    case 'action':
    case 'generic':
    case 'providers':
      return route.type;
    default:
      return undefined;
  }
}

function kindOf(method: string): Kind {
  if (method === 'GET' || method === 'HEAD') return 'reads';
  if (method === 'DELETE') return 'deletes';
  return 'writes';
}

/** Handles one authenticated ARM request. */
export function routeArm(ctx: ArmContext): Reply {
  const { req } = ctx;
  const route = classify(req.path);
  if (route.kind === 'unknown') {
    return armError(404, 'InvalidResourceType', `The resource type could not be found in the namespace for path '${req.path}'.`);
  }

  const apiVersion = queryParam(req, 'api-version');
  if (!apiVersion) {
    return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  const typeForVersion = apiVersionType(route)!;
  const supported = supportedApiVersions(typeForVersion);
  if (supported && !supported.includes(apiVersion)) {
    return armError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions for resource type '${typeForVersion}' are '${supported.join(',')}'.`,
    );
  }
  if (!supported) {
    return armError(400, 'NoRegisteredProviderFound', `No registered resource provider found for API version '${apiVersion}' and type '${typeForVersion}'.`);
  }

  // Throttling: one bucket per principal, subscription and kind.
  const sub = 'sub' in route ? route.sub : undefined;
  const kind = kindOf(req.method);
  const bucket = ctx.throttle.take(ctx.principal.oid, sub ?? 'tenant', kind, ctx.nowMs());
  const headerName = `x-ms-ratelimit-remaining-${sub ? 'subscription' : 'tenant'}-${kind}`;
  if (!bucket.ok) {
    return armError(
      429,
      'TooManyRequests',
      `The request is being throttled as the limit has been reached for operation type - ${kind === 'reads' ? 'Read' : 'Write'}_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits`,
      {
        'Retry-After': String(bucket.retryAfterSeconds),
        [headerName]: '0',
      },
    );
  }
  ctx.lro.settle(ctx);
  const reply = dispatch(ctx, route);
  reply.headers = { ...(reply.headers ?? {}), [headerName]: String(bucket.remaining) };
  return reply;
}

function dispatch(ctx: ArmContext, route: Exclude<Route, { kind: 'unknown' }>): Reply {
  const { store, req, principal } = ctx;
  if (route.kind === 'subscriptions') {
    if (req.method !== 'GET') return methodNotAllowed(req);
    return page(ctx, subscriptionsVisibleTo(store, principal.oid).map(subscriptionBody));
  }
  if (route.kind === 'tenants') {
    if (req.method !== 'GET') return methodNotAllowed(req);
    return page(ctx, [tenantBody(store)]);
  }
  if (route.kind === 'subscription') {
    const s = store.subscription(route.sub);
    if (!s || !hasAnyAccess(store, principal.oid, `/subscriptions/${s.subscriptionId}`)) return subscriptionNotFound(route.sub);
    return { status: 200, body: subscriptionBody(s) };
  }
  if (route.kind === 'operation') {
    if (!store.subscription(route.sub)) return subscriptionNotFound(route.sub);
    return ctx.lro.status(ctx, route.opId);
  }

  if (route.sub && !store.subscription(route.sub)) return subscriptionNotFound(route.sub);

  if (route.kind === 'providers') {
    if (req.method !== 'GET') return methodNotAllowed(req);
    if (route.sub && !hasAnyAccess(store, principal.oid, `/subscriptions/${route.sub}`))
      return forbidden(ctx, 'Microsoft.Resources/subscriptions/providers/read', `/subscriptions/${route.sub}`);
    const all = resourceProviders(route.sub);
    if (!route.ns) return page(ctx, all, 1000);
    const one = all.find((p) => p.namespace.toLowerCase() === route.ns!.toLowerCase());
    if (!one) return armError(404, 'InvalidResourceNamespace', `The resource namespace '${route.ns}' is invalid.`);
    return { status: 200, body: one };
  }

  if (route.kind === 'extension') return handleExtension(ctx, route);

  if (route.kind === 'generic') {
    if (req.method !== 'GET') return methodNotAllowed(req);
    if (route.rg && !store.get(`/subscriptions/${route.sub}/resourceGroups/${route.rg}`))
      return precheck(ctx, 'Microsoft.Resources/subscriptions/resourceGroups/read', route.scope, route.rg)!;
    const parsedFilter = parseResourceFilter(queryParam(req, '$filter'));
    if ('error' in parsedFilter) return armError(400, 'InvalidFilterInQueryString', parsedFilter.error);
    const f = parsedFilter.filter;
    const wanted = f.resourceType?.toLowerCase();
    const items = (wanted ? store.ofType(wanted) : store.all())
      .filter((r) => {
        const p = parseResourceId(r.id);
        if (
          !p ||
          !isAtOrBelow(r.id, route.scope) ||
          p.type.split('/').length !== 2 ||
          p.type.startsWith('Microsoft.Resources/') ||
          p.type.startsWith('Microsoft.Authorization/') ||
          p.type.startsWith('Microsoft.Insights/')
        )
          return false;
        if (wanted && r.type.toLowerCase() !== wanted) return false;
        if (f.resourceGroup && (p.resourceGroup ?? '').toLowerCase() !== f.resourceGroup.toLowerCase()) return false;
        if (f.name && r.name.toLowerCase() !== f.name.toLowerCase()) return false;
        if (f.tagName) {
          const tags = Object.entries((r.tags ?? {}) as Record<string, string>);
          const tag = tags.find(([k]) => k.toLowerCase() === f.tagName!.toLowerCase());
          if (!tag || (f.tagValue !== undefined && tag[1] !== f.tagValue)) return false;
        }
        return true;
      })
      .filter((r) => isAllowed(store, principal.oid, `${r.type}/read`, r.id))
      .map((r) => {
        const { properties: _omit, ...rest } = r as ArmResource & { properties?: unknown };
        return rest;
      });
    return page(ctx, items);
  }

  if (route.kind === 'collection') {
    if (req.method !== 'GET') return methodNotAllowed(req);
    const action = `${route.type}/read`;
    const check = precheck(ctx, action, route.parentId, route.rg);
    if (check) return check;
    if (route.rg && normalizeId(route.parentId) !== normalizeId(`/subscriptions/${route.sub}/resourceGroups/${route.rg}`)) {
      const parent = store.get(route.parentId);
      if (!parent) return parentNotFound(parseResourceId(route.parentId)?.name ?? route.parentId);
    }
    return page(ctx, listCollection(ctx, route.parentId, route.type));
  }

  if (route.kind === 'action') {
    const check = precheck(ctx, route.rbacAction, route.targetId, route.rg);
    if (check) return check;
    return handleAction(ctx, route);
  }

  // instance
  const verb = req.method === 'GET' || req.method === 'HEAD' ? 'read' : req.method === 'DELETE' ? 'delete' : req.method === 'POST' ? 'action' : 'write';
  if (req.method === 'POST') return methodNotAllowed(req);
  const action = sameType(route.type, 'Microsoft.Resources/resourceGroups')
    ? `Microsoft.Resources/subscriptions/resourceGroups/${verb}`
    : `${route.type}/${verb}`;
  const isRgItself = sameType(route.type, 'Microsoft.Resources/resourceGroups');
  const check = precheck(ctx, action, route.id, isRgItself && req.method === 'PUT' ? undefined : route.rg);
  if (check) return check;
  if (req.method === 'GET' || req.method === 'HEAD') {
    const r = store.get(route.id);
    if (!r) return missing(ctx, route.id, route.type, route.rg);
    return { status: 200, body: r };
  }
  const parsed = parseResourceId(route.id);
  if (
    parsed?.parentId &&
    !isRgItself &&
    !sameType(parseResourceId(parsed.parentId)?.type ?? '', 'Microsoft.Resources/resourceGroups') &&
    !store.get(parsed.parentId)
  ) {
    return parentNotFound(parseResourceId(parsed.parentId)?.name ?? parsed.parentId);
  }
  return handleWrite(ctx, route);
}

function missing(ctx: ArmContext, id: string, type: string, rg: string | undefined): Reply {
  const parsed = parseResourceId(id);
  if (parsed?.parentId) {
    const parentType = parseResourceId(parsed.parentId)?.type ?? '';
    const isTopLevel = sameType(parentType, 'Microsoft.Resources/resourceGroups') || sameType(parentType, 'Microsoft.Resources/subscriptions');
    if (!isTopLevel && !ctx.store.get(parsed.parentId)) return parentNotFound(parseResourceId(parsed.parentId)?.name ?? parsed.parentId);
  }
  if (sameType(type, 'Microsoft.Resources/resourceGroups')) return resourceGroupNotFound(parsed?.name ?? id);
  const typeWithNames = nestedTypeName(id);
  return notFoundResource(typeWithNames.type, typeWithNames.name, rg);
}

/** `Microsoft.KeyVault/vaults/keys` + `kv1/k1`, as ARM names nested resources in its messages. */
function nestedTypeName(id: string): { type: string; name: string } {
  const segs = segments(id);
  const lp = segs.map((s) => s.toLowerCase()).lastIndexOf('providers');
  const rest = segs.slice(lp + 2);
  const types = [segs[lp + 1]];
  const names: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    types.push(rest[i]);
    names.push(rest[i + 1]!);
  }
  return { type: types.join('/'), name: names.join('/') };
}

/** Vault-wide Site Recovery lists skip the fabric and container levels (ReplicationMigrationItems_List). */
const CONTAINER = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers';
const VAULT_WIDE = new Map([
  ['microsoft.recoveryservices/vaults/replicationmigrationitems', `${CONTAINER}/replicationMigrationItems`],
  ['microsoft.recoveryservices/vaults/replicationprotectioncontainermappings', `${CONTAINER}/replicationProtectionContainerMappings`],
  ['microsoft.recoveryservices/vaults/replicationprotectioncontainers', CONTAINER],
  ['microsoft.recoveryservices/vaults/replicationprotecteditems', `${CONTAINER}/replicationProtectedItems`],
]);

export function listCollection(ctx: ArmContext, parentId: string, type: string, filterByRbac = true): unknown[] {
  const { store } = ctx;
  let items: ArmResource[];
  if (sameType(type, 'Microsoft.Resources/resourceGroups')) {
    items = store.children(parentId, type);
  } else if (VAULT_WIDE.has(type.toLowerCase())) {
    items = store.listUnder(parentId, VAULT_WIDE.get(type.toLowerCase())!);
  } else {
    const parentType = parseResourceId(parentId)?.type ?? '';
    const atScope = sameType(parentType, 'Microsoft.Resources/subscriptions') || sameType(parentType, 'Microsoft.Resources/resourceGroups');
    items = atScope ? store.listUnder(parentId, type) : store.children(parentId, type);
  }
  const verb = sameType(type, 'Microsoft.Resources/resourceGroups') ? 'Microsoft.Resources/subscriptions/resourceGroups/read' : undefined;
  if (filterByRbac && isAllowed(store, ctx.principal.oid, verb ?? `${type}/read`, parentId)) return items.map(listShape);
  return items.filter((r) => isAllowed(store, ctx.principal.oid, verb ?? `${r.type}/read`, r.id)).map(listShape);
}

const REPLICATION_ITEMS = [`${CONTAINER}/replicationMigrationItems`, `${CONTAINER}/replicationProtectedItems`];

/**
 * Lists answer with less than a GET, as ARM does:
 * - a key list carries only attributes and keyUri; type, size and versioned URI need a GET per key;
 * - a list of migration or protected items carries every item with `protectedDisks: []` and `vmNics: []`
 *   (Azure PowerShell's recordings of `replicationMigrationItems`, vault-wide and per container); a GET of
 *   the item returns them.
 */
function listShape(r: ArmResource): unknown {
  if (REPLICATION_ITEMS.some((t) => sameType(r.type, t))) {
    const p = (r.properties ?? {}) as { providerSpecificDetails?: Record<string, unknown> };
    const d = p.providerSpecificDetails;
    if (!d) return r;
    return {
      ...r,
      properties: {
        ...p,
        providerSpecificDetails: { ...d, ...('protectedDisks' in d ? { protectedDisks: [] } : {}), ...('vmNics' in d ? { vmNics: [] } : {}) },
      },
    };
  }
  if (!sameType(r.type, 'Microsoft.KeyVault/vaults/keys')) return r;
  const p = (r.properties ?? {}) as { attributes?: unknown; keyUri?: unknown };
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    location: r.location,
    ...(r.tags ? { tags: r.tags } : {}),
    properties: { attributes: p.attributes, keyUri: p.keyUri },
  };
}

function methodNotAllowed(req: Req): Reply {
  return armError(405, 'MethodNotAllowed', `The requested method '${req.method}' is not allowed for '${req.path}'.`);
}

function subscriptionBody(s: { subscriptionId: string; displayName: string; tenantId: string; state: string } & Record<string, unknown>) {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'EnterpriseAgreement_2014-09-01', spendingLimit: 'Off' },
    tags: (s.tags as Record<string, string> | undefined) ?? {},
  };
}

function tenantBody(store: Store) {
  const e = store.estate;
  const domain = e.tenantDefaultDomain ?? 'contoso.onmicrosoft.com';
  return {
    id: `/tenants/${e.tenantId}`,
    tenantId: e.tenantId,
    tenantCategory: 'Home',
    countryCode: 'NL',
    displayName: e.tenantDisplayName ?? 'Default Directory',
    domains: [domain],
    defaultDomain: domain,
    tenantType: 'AAD',
  };
}

interface ResourceFilter {
  resourceType?: string;
  resourceGroup?: string;
  name?: string;
  tagName?: string;
  tagValue?: string;
}

/**
 * The `$filter` of `Resources_List`: `resourceType eq '…'`, `resourceGroup eq '…'`, `name eq '…'`, `tagName eq '…'`
 * (with `and tagValue eq '…'`), joined with `and`, as the Azure CLI sends them.
 */
export function parseResourceFilter(filter: string | undefined): { filter: ResourceFilter } | { error: string } {
  const out: ResourceFilter = {};
  if (!filter || !filter.trim()) return { filter: out };
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = clause.trim().match(/^(resourceType|resourceGroup|name|tagName|tagValue)\s+eq\s+'((?:[^']|'')*)'$/i);
    if (!m) return { error: `Invalid $filter '${filter}' specified in the query string.` };
    const key = (m[1]!.charAt(0).toLowerCase() + m[1]!.slice(1)) as keyof ResourceFilter;
    out[key === ('resourcetype' as keyof ResourceFilter) ? 'resourceType' : key] = m[2]!.replace(/''/g, "'");
  }
  if (out.tagValue !== undefined && out.tagName === undefined)
    return { error: `Invalid $filter '${filter}' specified in the query string: tagValue needs tagName.` };
  return { filter: out };
}

/** Every resource provider the emulator answers for, with its resource types and api-versions (registered). */
export function resourceProviders(sub: string | undefined) {
  const byNamespace = new Map<string, { resourceType: string; apiVersions: readonly string[] }[]>();
  for (const [type, versions] of apiVersionTable()) {
    const [ns, ...rest] = type.split('/');
    if (rest.length === 0) continue;
    const list = byNamespace.get(ns!) ?? [];
    list.push({ resourceType: rest.join('/'), apiVersions: versions });
    byNamespace.set(ns!, list);
  }
  return [...byNamespace.entries()].map(([namespace, types]) => ({
    ...(sub ? { id: `/subscriptions/${sub}/providers/${namespace}` } : { id: `/providers/${namespace}` }),
    namespace,
    ...(sub ? { registrationState: 'Registered', registrationPolicy: 'RegistrationRequired' } : {}),
    resourceTypes: types.map((t) => ({
      resourceType: t.resourceType,
      locations: ['West Europe', 'North Europe', 'Sweden Central', 'Germany West Central'],
      apiVersions: [...t.apiVersions].reverse(),
      capabilities: 'None',
    })),
  }));
}

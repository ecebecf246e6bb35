import type { ArmResource } from '../../../lib/estate/file';
import { isAtOrBelow, normalizeId, parseResourceId, sameType, segments } from '../../../lib/estate/ids';
import { queryParam, type Reply, type Req } from '../http';
import type { Store } from '../store';
import { apiVersionTable, supportedApiVersions } from './api-versions';
import { armError, notFoundResource, parentNotFound, resourceGroupNotFound, subscriptionNotFound } from './errors';
import { assignmentsOf, hasAnyAccess, isAllowed, subscriptionsVisibleTo } from './rbac';
import { permissionAllows } from '../../../lib/estate/builtin-roles';
import type { Kind, Throttle } from './throttle';
import { handleExtension } from './extensions';
import { handleWrite, handleAction, type LroRegistry } from './writes';

export interface Principal {
  oid: string;
  upn: string;
  name: string;
  appId: string;
}

export interface ArmContext {
  store: Store;
  principal: Principal;
  req: Req;
  pageSize: number;
  lro: LroRegistry;
  throttle: Throttle;
  nowMs: () => number;
}

/** What a request addresses, worked out from its path alone. */
export type Route =
  | { kind: 'subscriptions' }
  | { kind: 'tenants' }
  | { kind: 'subscription'; sub: string }
  | { kind: 'collection'; parentId: string; type: string; sub?: string; rg?: string }
  | { kind: 'instance'; id: string; type: string; sub?: string; rg?: string }
  | { kind: 'extension'; scope: string; type: string; name?: string; sub?: string; rg?: string }
  | { kind: 'operation'; sub: string; type: string; opId: string }
  | { kind: 'action'; targetId: string; type: string; action: string; sub?: string; rg?: string; rbacAction: string }
  | { kind: 'generic'; scope: string; type: string; sub: string; rg?: string }
  /** `Providers_List` / `Providers_Get`: the resource providers, their types and api-versions. */
  | { kind: 'providers'; type: string; sub?: string; ns?: string }
  | { kind: 'unknown' };

const EXTENSION_TYPES = new Set([
  'microsoft.authorization/roleassignments',
  'microsoft.authorization/roledefinitions',
  'microsoft.authorization/permissions',
  'microsoft.authorization/locks',
  'microsoft.insights/diagnosticsettings',
]);

export function classify(path: string): Route {
  const segs = segments(path);
  const lower = segs.map((s) => s.toLowerCase());
  if (segs.length === 1 && lower[0] === 'subscriptions') return { kind: 'subscriptions' };
  if (segs.length === 1 && lower[0] === 'tenants') return { kind: 'tenants' };
  const sub = lower[0] === 'subscriptions' ? segs[1] : undefined;
  const rg = sub && lower[2] === 'resourcegroups' ? segs[3] : undefined;
  const lp = lower.lastIndexOf('providers');
  if (lp < 0) {
    if (!sub) return { kind: 'unknown' };
    if (segs.length === 2) return { kind: 'subscription', sub };
    if (segs.length === 3 && lower[2] === 'resourcegroups') return { kind: 'collection', parentId: `/subscriptions/${sub}`, type: 'Microsoft.Resources/resourceGroups', sub };
    if (segs.length === 4 && rg) return { kind: 'instance', id: `/subscriptions/${sub}/resourceGroups/${rg}`, type: 'Microsoft.Resources/resourceGroups', sub, rg };
    // The generic resource list (`Resources_List`, `Resources_ListByResourceGroup`).
    if (segs.length === 3 && lower[2] === 'resources') return { kind: 'generic', scope: `/subscriptions/${sub}`, type: 'Microsoft.Resources/resources', sub };
    if (segs.length === 5 && rg && lower[4] === 'resources') return { kind: 'generic', scope: `/subscriptions/${sub}/resourceGroups/${rg}`, type: 'Microsoft.Resources/resources', sub, rg };
    return { kind: 'unknown' };
  }
  const scope = '/' + segs.slice(0, lp).join('/');
  const ns = segs[lp + 1];
  const rest = segs.slice(lp + 2);
  if ((lp === 2 && sub) || lp === 0) {
    if (!ns) return { kind: 'providers', type: 'Microsoft.Resources/providers', sub };
    if (rest.length === 0) return { kind: 'providers', type: 'Microsoft.Resources/providers', sub, ns };
  }
  if (!ns || rest.length === 0) return { kind: 'unknown' };
  const extType = `${ns}/${rest[0]}`;
  if (EXTENSION_TYPES.has(extType.toLowerCase())) {
    if (rest.length > 2) return { kind: 'unknown' };
    return { kind: 'extension', scope: scope === '/' ? '/' : scope, type: extType, name: rest[1], sub, rg };
  }
  if (rest[0]!.toLowerCase() === 'locations' && rest.length === 4 && sub) {
    return { kind: 'operation', sub, type: `${ns}/locations/${rest[2]}`, opId: rest[3]! };
  }
  if (rest.length === 1 && rest[0]!.toLowerCase() === 'checknameavailability') {
    return { kind: 'action', targetId: scope, type: `${ns}/checkNameAvailability`, action: 'checkNameAvailability', sub, rg, rbacAction: `${ns}/checkNameAvailability/read` };
  }
  const typeParts = [ns];
  for (let i = 0; i < rest.length; i += 2) typeParts.push(rest[i]!);
  const type = typeParts.join('/');
  if (rest.length % 2 === 1) {
    const parentId = '/' + segs.slice(0, segs.length - 1).join('/');
    if (sameType(type, 'Microsoft.Compute/diskEncryptionSets/associatedResources')) {
      return { kind: 'action', targetId: parentId, type, action: 'associatedResources', sub, rg, rbacAction: 'Microsoft.Compute/diskEncryptionSets/read' };
    }
    return { kind: 'collection', parentId: rest.length === 1 ? scope : parentId, type, sub, rg };
  }
  if (sameType(type, 'Microsoft.KeyVault/vaults/accessPolicies')) {
    const vaultId = '/' + segs.slice(0, segs.length - 2).join('/');
    return { kind: 'action', targetId: vaultId, type, action: `accessPolicies:${rest[rest.length - 1]}`, sub, rg, rbacAction: 'Microsoft.KeyVault/vaults/accessPolicies/write' };
  }
  return { kind: 'instance', id: '/' + segs.join('/'), type, sub, rg };
}

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

export function forbidden(ctx: ArmContext, action: string, scope: string): Reply {
  const p = ctx.principal;
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${p.upn}' with object id '${p.oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
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
    return armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
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
    return armError(429, 'TooManyRequests', `The request is being throttled as the limit has been reached for operation type - ${kind === 'reads' ? 'Read' : 'Write'}_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits`, {
      'Retry-After': String(bucket.retryAfterSeconds),
      [headerName]: '0',
    });
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
    if (route.sub && !hasAnyAccess(store, principal.oid, `/subscriptions/${route.sub}`)) return forbidden(ctx, 'Microsoft.Resources/subscriptions/providers/read', `/subscriptions/${route.sub}`);
    const all = resourceProviders(route.sub);
    if (!route.ns) return page(ctx, all, 1000);
    const one = all.find((p) => p.namespace.toLowerCase() === route.ns!.toLowerCase());
    if (!one) return armError(404, 'InvalidResourceNamespace', `The resource namespace '${route.ns}' is invalid.`);
    return { status: 200, body: one };
  }

  if (route.kind === 'extension') return handleExtension(ctx, route);

  if (route.kind === 'generic') {
    if (req.method !== 'GET') return methodNotAllowed(req);
    if (route.rg && !store.get(`/subscriptions/${route.sub}/resourceGroups/${route.rg}`)) return precheck(ctx, 'Microsoft.Resources/subscriptions/resourceGroups/read', route.scope, route.rg)!;
    const parsedFilter = parseResourceFilter(queryParam(req, '$filter'));
    if ('error' in parsedFilter) return armError(400, 'InvalidFilterInQueryString', parsedFilter.error);
    const f = parsedFilter.filter;
    const wanted = f.resourceType?.toLowerCase();
    const items = (wanted ? store.ofType(wanted) : store.all())
      .filter((r) => {
        const p = parseResourceId(r.id);
        if (!p || !isAtOrBelow(r.id, route.scope) || p.type.split('/').length !== 2 || p.type.startsWith('Microsoft.Resources/') || p.type.startsWith('Microsoft.Authorization/') || p.type.startsWith('Microsoft.Insights/')) return false;
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
  const action = sameType(route.type, 'Microsoft.Resources/resourceGroups') ? `Microsoft.Resources/subscriptions/resourceGroups/${verb}` : `${route.type}/${verb}`;
  const isRgItself = sameType(route.type, 'Microsoft.Resources/resourceGroups');
  const check = precheck(ctx, action, route.id, isRgItself && req.method === 'PUT' ? undefined : route.rg);
  if (check) return check;
  if (req.method === 'GET' || req.method === 'HEAD') {
    const r = store.get(route.id);
    if (!r) return missing(ctx, route.id, route.type, route.rg);
    return { status: 200, body: r };
  }
  const parsed = parseResourceId(route.id);
  if (parsed?.parentId && !isRgItself && !sameType(parseResourceId(parsed.parentId)?.type ?? '', 'Microsoft.Resources/resourceGroups') && !store.get(parsed.parentId)) {
    return parentNotFound(parseResourceId(parsed.parentId)?.name ?? parsed.parentId);
  }
  return handleWrite(ctx, route);
}

/** RBAC, then the resource group's existence: ARM answers 403 before it says whether a group exists. */
export function precheck(ctx: ArmContext, action: string, scope: string, rg: string | undefined): Reply | undefined {
  if (!isAllowed(ctx.store, ctx.principal.oid, action, scope) && !hasReadableDescendants(ctx, action)) {
    return forbidden(ctx, action, scope);
  }
  if (rg) {
    const sub = parseResourceId(scope)?.subscriptionId;
    if (sub && !ctx.store.get(`/subscriptions/${sub}/resourceGroups/${rg}`)) return resourceGroupNotFound(rg);
  }
  return undefined;
}

/**
 * ARM lets a read of a collection through when the caller holds the action on some scope below
 * it, and returns only what the caller can read (a Reader on one resource group can list the
 * subscription's key vaults and gets that group's).
 */
function hasReadableDescendants(ctx: ArmContext, action: string): boolean {
  if (ctx.req.method !== 'GET' || !action.endsWith('/read')) return false;
  const route = classify(ctx.req.path);
  const scope = route.kind === 'collection' ? route.parentId : route.kind === 'extension' && !route.name ? route.scope : undefined;
  if (!scope) return false;
  return assignmentsOf(ctx.store, ctx.principal.oid).some(
    (a) => isAtOrBelow(a.scope, scope) && normalizeId(a.scope) !== normalizeId(scope) && ctx.store.rolePermissions(a.roleDefinitionId).some((p) => permissionAllows(p, action)),
  );
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
    return { ...r, properties: { ...p, providerSpecificDetails: { ...d, ...('protectedDisks' in d ? { protectedDisks: [] } : {}), ...('vmNics' in d ? { vmNics: [] } : {}) } } };
  }
  if (!sameType(r.type, 'Microsoft.KeyVault/vaults/keys')) return r;
  const p = (r.properties ?? {}) as { attributes?: unknown; keyUri?: unknown };
  return { id: r.id, name: r.name, type: r.type, location: r.location, ...(r.tags ? { tags: r.tags } : {}), properties: { attributes: p.attributes, keyUri: p.keyUri } };
}

/** One page of a list, with ARM's `nextLink` (absolute, carrying the api-version) when more remain. */
export function page(ctx: ArmContext, items: unknown[], size = ctx.pageSize): Reply {
  const skip = Number(queryParam(ctx.req, '$skipToken') ?? 0) || 0;
  const value = items.slice(skip, skip + size);
  const body: { value: unknown[]; nextLink?: string } = { value };
  if (skip + size < items.length) {
    const next = new URL(ctx.req.url.pathname, ctx.req.origin);
    for (const [k, v] of ctx.req.url.searchParams) if (k.toLowerCase() !== '$skiptoken') next.searchParams.set(k, v);
    next.searchParams.set('$skiptoken', String(skip + size));
    body.nextLink = next.toString();
  }
  return { status: 200, body };
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
  if (out.tagValue !== undefined && out.tagName === undefined) return { error: `Invalid $filter '${filter}' specified in the query string: tagValue needs tagName.` };
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
    resourceTypes: types.map((t) => ({ resourceType: t.resourceType, locations: ['West Europe', 'North Europe', 'Sweden Central', 'Germany West Central'], apiVersions: [...t.apiVersions].reverse(), capabilities: 'None' })),
  }));
}

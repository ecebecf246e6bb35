/**
 * What every ARM handler shares, apart from the router itself: the request context, the route a path names, RBAC
 * prechecks with ARM's 403, and paging. Handlers (writes, extensions) import this; the router imports them: no circle.
 */
import { isAtOrBelow, normalizeId, parseResourceId, sameType, segments } from '../../../lib/estate/ids';
import { permissionAllows } from '../../../lib/estate/builtin-roles';
import { queryParam, type Reply, type Req } from '../http';
import type { Store } from '../store';
import { armError, resourceGroupNotFound } from './errors';
import { assignmentsOf, isAllowed } from './rbac';
import type { Throttle } from './throttle';

/** The long-running operations a handler starts and the router settles (implemented by `LroRegistry` in lro.ts). */
export interface LongRunningOperations {
  durationMs: number;
  start(
    ctx: ArmContext,
    resourceId: string,
    kind: 'put' | 'patch' | 'delete',
    provider?: {
      urls?: (opId: string, apiVersion: string) => { asyncOperation: string; location: string };
      onSettled?: () => { code: string; message: string } | void;
    },
  ): Record<string, string>;
  settle(ctx: ArmContext): void;
  status(ctx: ArmContext, opId: string): Reply;
}

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
  lro: LongRunningOperations;
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
  'microsoft.authorization/policyassignments',
  'microsoft.authorization/policydefinitions',
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
    if (segs.length === 3 && lower[2] === 'resourcegroups')
      return { kind: 'collection', parentId: `/subscriptions/${sub}`, type: 'Microsoft.Resources/resourceGroups', sub };
    if (segs.length === 4 && rg)
      return { kind: 'instance', id: `/subscriptions/${sub}/resourceGroups/${rg}`, type: 'Microsoft.Resources/resourceGroups', sub, rg };
    // The generic resource list (`Resources_List`, `Resources_ListByResourceGroup`).
    if (segs.length === 3 && lower[2] === 'resources') return { kind: 'generic', scope: `/subscriptions/${sub}`, type: 'Microsoft.Resources/resources', sub };
    if (segs.length === 5 && rg && lower[4] === 'resources')
      return { kind: 'generic', scope: `/subscriptions/${sub}/resourceGroups/${rg}`, type: 'Microsoft.Resources/resources', sub, rg };
    return { kind: 'unknown' };
  }
  // Preview features (Microsoft.Features): `/subscriptions/{s}/providers/Microsoft.Features/providers/{ns}/features/{name}[/register]`.
  if (sub && lower[2] === 'providers' && lower[3] === 'microsoft.features' && lower[4] === 'providers' && lower[6] === 'features' && segs[7]) {
    const featureId = '/' + segs.slice(0, 8).join('/');
    const register = lower[8] === 'register' && segs.length === 9;
    if (segs.length !== 8 && !register) return { kind: 'unknown' };
    return {
      kind: 'action',
      targetId: featureId,
      type: 'Microsoft.Features/providers/features',
      action: register ? 'feature:register' : 'feature',
      sub,
      rbacAction: register ? 'Microsoft.Features/providers/features/register/action' : 'Microsoft.Features/providers/features/read',
    };
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
  // Site Recovery's operations: `{vault}/replicationOperationStatus/{id}` and `{item}/operationresults/{id}`.
  if (sub && lower[lower.length - 2] === 'replicationoperationstatus' && rest.length === 4)
    return { kind: 'operation', sub, type: `${ns}/vaults/replicationOperationStatus`, opId: segs[segs.length - 1]! };
  if (sub && lower[lower.length - 2] === 'operationresults' && lower.includes('replicationmigrationitems'))
    return { kind: 'operation', sub, type: `${ns}/vaults/replicationMigrationItems/operationResults`, opId: segs[segs.length - 1]! };
  if (sub && lower[lower.length - 2] === 'operationresults' && lower.includes('replicationprotecteditems'))
    return { kind: 'operation', sub, type: `${ns}/vaults/replicationProtectedItems/operationResults`, opId: segs[segs.length - 1]! };
  if (rest[0]!.toLowerCase() === 'locations' && rest.length === 4 && sub) {
    return { kind: 'operation', sub, type: `${ns}/locations/${rest[2]}`, opId: rest[3]! };
  }
  if (rest.length === 1 && rest[0]!.toLowerCase() === 'checknameavailability') {
    return {
      kind: 'action',
      targetId: scope,
      type: `${ns}/checkNameAvailability`,
      action: 'checkNameAvailability',
      sub,
      rg,
      rbacAction: `${ns}/checkNameAvailability/read`,
    };
  }
  const typeParts = [ns];
  for (let i = 0; i < rest.length; i += 2) typeParts.push(rest[i]!);
  const type = typeParts.join('/');
  if (rest.length % 2 === 1) {
    const parentId = '/' + segs.slice(0, segs.length - 1).join('/');
    if (sameType(type, 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems/migrate')) {
      return {
        kind: 'action',
        targetId: parentId,
        type,
        action: 'migrate',
        sub,
        rg,
        rbacAction: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems/migrate/action',
      };
    }
    if (sameType(type, 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems/remove')) {
      return {
        kind: 'action',
        targetId: parentId,
        type,
        action: 'protectedItem:remove',
        sub,
        rg,
        rbacAction: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems/remove/action',
      };
    }
    const vmAction = /^microsoft\.compute\/virtualmachines\/(deallocate|start|poweroff)$/i.exec(type)?.[1]?.toLowerCase();
    if (vmAction) {
      const verb = vmAction === 'poweroff' ? 'powerOff' : vmAction;
      return {
        kind: 'action',
        targetId: parentId,
        type: 'Microsoft.Compute/virtualMachines',
        action: `vm:${verb}`,
        sub,
        rg,
        rbacAction: `Microsoft.Compute/virtualMachines/${verb}/action`,
      };
    }
    if (sameType(type, 'Microsoft.Compute/diskEncryptionSets/associatedResources')) {
      return { kind: 'action', targetId: parentId, type, action: 'associatedResources', sub, rg, rbacAction: 'Microsoft.Compute/diskEncryptionSets/read' };
    }
    return { kind: 'collection', parentId: rest.length === 1 ? scope : parentId, type, sub, rg };
  }
  if (sameType(type, 'Microsoft.KeyVault/vaults/accessPolicies')) {
    const vaultId = '/' + segs.slice(0, segs.length - 2).join('/');
    return {
      kind: 'action',
      targetId: vaultId,
      type,
      action: `accessPolicies:${rest[rest.length - 1]}`,
      sub,
      rg,
      rbacAction: 'Microsoft.KeyVault/vaults/accessPolicies/write',
    };
  }
  return { kind: 'instance', id: '/' + segs.join('/'), type, sub, rg };
}

export function forbidden(ctx: ArmContext, action: string, scope: string): Reply {
  const p = ctx.principal;
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${p.upn}' with object id '${p.oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
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
    (a) =>
      isAtOrBelow(a.scope, scope) &&
      normalizeId(a.scope) !== normalizeId(scope) &&
      ctx.store.rolePermissions(a.roleDefinitionId).some((p) => permissionAllows(p, action)),
  );
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

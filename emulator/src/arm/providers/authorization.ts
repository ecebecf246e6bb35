/**
 * Extension resources, which hang off any scope: Microsoft.Authorization (role assignments, role definitions, the
 * caller's permissions) and the scoped children other providers keep there (management locks, diagnostic settings).
 */
import { writeStatus } from '../status-codes';
import type { ArmResource } from '../../../../lib/estate/file';
import { isAtOrBelow, normalizeId, parseResourceId, sameType } from '../../../../lib/estate/ids';
import { queryParam, type Reply } from '../../http';
import { armError, readJsonObject } from '../errors';
import { assignmentScope, assignmentsOf, effectivePermissions, isAllowed } from '../rbac';
import { page, precheck, type ArmContext, type Route } from '../context';
import { canonicalType, lockedBy } from '../resource';
import { policyAssignments, policyDefinitions } from './policy';

type Json = Record<string, unknown>;
type ExtensionRoute = Extract<Route, { kind: 'extension' }>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Extension resources hang off any scope: `{scope}/providers/Microsoft.Authorization/roleAssignments/{name}`. */
export function handleExtension(ctx: ArmContext, route: ExtensionRoute): Reply {
  const t = route.type.toLowerCase();
  if (t === 'microsoft.authorization/permissions') return permissions(ctx, route);
  if (t === 'microsoft.authorization/roledefinitions') return roleDefinitions(ctx, route);
  if (t === 'microsoft.authorization/policydefinitions') return policyDefinitions(ctx, route);
  if (route.scope !== '/' && !scopeExists(ctx, route.scope)) {
    const check = precheck(ctx, `${canonicalType(route.type)}/read`, route.scope, route.rg);
    if (check) return check;
    const p = parseResourceId(route.scope);
    return armError(
      404,
      'ResourceNotFound',
      `The Resource '${p?.type ?? 'resource'}/${p?.name ?? route.scope}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  }
  if (t === 'microsoft.authorization/roleassignments') return roleAssignments(ctx, route);
  if (t === 'microsoft.authorization/policyassignments') return policyAssignments(ctx, route);
  return scopedChildren(ctx, route);
}

function scopeExists(ctx: ArmContext, scope: string): boolean {
  const p = parseResourceId(scope);
  if (!p) return false;
  if (sameType(p.type, 'Microsoft.Resources/subscriptions')) return !!ctx.store.subscription(p.name);
  return !!ctx.store.get(scope);
}

function extensionId(scope: string, type: string, name: string): string {
  return `${scope === '/' ? '' : scope}/providers/${canonicalType(type)}/${name}`;
}

function itemsAtScope(ctx: ArmContext, type: string, matches: (itemScope: string) => boolean): ArmResource[] {
  return ctx.store.ofType(type).filter((r) => matches(parseResourceId(r.id)?.scope ?? '/'));
}

function roleAssignments(ctx: ArmContext, route: ExtensionRoute): Reply {
  const action = `Microsoft.Authorization/roleAssignments/${ctx.req.method === 'GET' ? 'read' : ctx.req.method === 'DELETE' ? 'delete' : 'write'}`;
  const check = precheck(ctx, action, route.scope, route.rg);
  if (check) return check;
  if (!route.name) {
    if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET to list role assignments.');
    const filter = parseAssignmentFilter(queryParam(ctx.req, '$filter'));
    if ('error' in filter) return filter.error;
    const all = ctx.store.ofType('Microsoft.Authorization/roleAssignments').filter((r) => {
      const s = assignmentScope(r);
      const above = isAtOrBelow(route.scope, s);
      const below = isAtOrBelow(s, route.scope);
      if (filter.atScope ? !above : !(above || below)) return false;
      if (filter.principalId && String((r.properties as Json | undefined)?.principalId ?? '').toLowerCase() !== filter.principalId) return false;
      return true;
    });
    const readable = isAllowed(ctx.store, ctx.principal.oid, 'Microsoft.Authorization/roleAssignments/read', route.scope)
      ? all
      : all.filter((r) => isAllowed(ctx.store, ctx.principal.oid, 'Microsoft.Authorization/roleAssignments/read', assignmentScope(r)));
    return page(ctx, readable.map(assignmentBody));
  }
  const id = extensionId(route.scope, route.type, route.name);
  const existing = ctx.store.get(id);
  if (ctx.req.method === 'GET') {
    if (!existing) return armError(404, 'RoleAssignmentNotFound', `The role assignment '${route.name}' is not found.`);
    return { status: 200, body: assignmentBody(existing) };
  }
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    const locked = lockedBy(ctx, route.scope, 'delete');
    if (locked) return locked;
    ctx.store.remove(id);
    return { status: 200, body: assignmentBody(existing) };
  }
  if (ctx.req.method !== 'PUT') return armError(405, 'MethodNotAllowed', `The requested method '${ctx.req.method}' is not allowed.`);
  if (!GUID.test(route.name))
    return armError(400, 'InvalidRoleAssignmentId', `The role assignment ID '${route.name}' is not valid. The role assignment ID must be a GUID.`);
  const parsed = readJsonObject(ctx.req);
  if ('error' in parsed) return parsed.error;
  const body = parsed.body;
  const props = (body.properties ?? {}) as Json;
  const roleDefinitionId = String(props.roleDefinitionId ?? '');
  const principalId = String(props.principalId ?? '');
  if (!roleDefinitionId) return armError(400, 'InvalidRoleDefinitionId', "The parameter 'properties.roleDefinitionId' is required.");
  if (!GUID.test(principalId))
    return armError(400, 'InvalidPrincipalId', `A valid principal ID must be provided for role assignment; '${principalId}' is not one.`);
  const def = ctx.store.roleDefinition(roleDefinitionId);
  if (!def) return armError(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleDefinitionId.split('/').pop()}' does not exist.`);
  if (!ctx.store.principalExists(principalId)) {
    return armError(
      400,
      'PrincipalNotFound',
      `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${ctx.store.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.`,
    );
  }
  const roleGuid = def.name.toLowerCase();
  const duplicate = ctx.store.ofType('Microsoft.Authorization/roleAssignments').find((r) => {
    const p = (r.properties ?? {}) as Json;
    return (
      normalizeId(assignmentScope(r)) === normalizeId(route.scope) &&
      String(p.principalId).toLowerCase() === principalId.toLowerCase() &&
      String(p.roleDefinitionId).split('/').pop()!.toLowerCase() === roleGuid &&
      r.name.toLowerCase() !== route.name!.toLowerCase()
    );
  });
  if (duplicate) return armError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  if (existing) {
    const p = (existing.properties ?? {}) as Json;
    if (String(p.principalId).toLowerCase() !== principalId.toLowerCase() || String(p.roleDefinitionId).split('/').pop()!.toLowerCase() !== roleGuid) {
      return armError(400, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
    }
    return { status: 200, body: assignmentBody(existing) };
  }
  const now = new Date(ctx.nowMs()).toISOString();
  const sub = parseResourceId(route.scope)?.subscriptionId;
  const r: ArmResource = {
    id,
    name: route.name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: sub
        ? `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${def.name}`
        : `/providers/Microsoft.Authorization/roleDefinitions/${def.name}`,
      principalId,
      principalType: props.principalType ?? 'User',
      scope: route.scope,
      condition: props.condition ?? null,
      conditionVersion: props.conditionVersion ?? null,
      createdOn: now,
      updatedOn: now,
      createdBy: ctx.principal.oid,
      updatedBy: ctx.principal.oid,
      delegatedManagedIdentityResourceId: null,
      description: props.description ?? null,
    },
  };
  ctx.store.put(r);
  return { status: writeStatus('Microsoft.Authorization/roleAssignments', false), body: assignmentBody(r) };
}

function assignmentBody(r: ArmResource): unknown {
  const p = (r.properties ?? {}) as Json;
  return { id: r.id, name: r.name, type: 'Microsoft.Authorization/roleAssignments', properties: { ...p, scope: assignmentScope(r) } };
}

/** `atScope()`, `assignedTo('id')`, `principalId eq 'id'`, joined by `and`. */
function parseAssignmentFilter(filter: string | undefined): { atScope: boolean; principalId?: string } | { error: Reply } {
  if (!filter) return { atScope: false };
  let atScope = false;
  let principalId: string | undefined;
  for (const part of filter.split(/\s+and\s+/i)) {
    const p = part.trim();
    let m: RegExpMatchArray | null;
    if (/^atScope\(\)$/i.test(p)) atScope = true;
    else if ((m = p.match(/^assignedTo\('([^']+)'\)$/i))) principalId = m[1]!.toLowerCase();
    else if ((m = p.match(/^principalId\s+eq\s+'([^']+)'$/i))) principalId = m[1]!.toLowerCase();
    else
      return {
        error: armError(
          400,
          'UnsupportedQuery',
          `The filter '${filter}' is not supported. Supported filters are either 'atScope()' or 'principalId eq '{value}' or assignedTo('{value}')'.`,
        ),
      };
  }
  return { atScope, principalId };
}

function roleDefinitions(ctx: ArmContext, route: ExtensionRoute): Reply {
  if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Custom role definitions are not writable in the emulator.');
  // Role definitions are readable by every signed-in user of the tenant, as in Azure (only the
  // subscription itself must exist, which the router checked).
  if (route.rg && route.sub && !ctx.store.get(`/subscriptions/${route.sub}/resourceGroups/${route.rg}`)) {
    return armError(404, 'ResourceGroupNotFound', `Resource group '${route.rg}' could not be found.`);
  }
  const sub = parseResourceId(route.scope)?.subscriptionId;
  const scoped = (d: ArmResource): unknown => {
    const isBuiltIn = (d.properties as Json | undefined)?.type === 'BuiltInRole';
    const id = isBuiltIn && sub ? `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${d.name}` : d.id;
    return { ...d, id };
  };
  const visible = ctx.store.roleDefinitions().filter((d) => {
    const scopes = ((d.properties as Json | undefined)?.assignableScopes ?? ['/']) as string[];
    return scopes.some((s) => isAtOrBelow(route.scope, s) || isAtOrBelow(s, route.scope));
  });
  if (route.name) {
    const d = visible.find((x) => x.name.toLowerCase() === route.name!.toLowerCase());
    if (!d) return armError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${route.name}' does not exist.`);
    return { status: 200, body: scoped(d) };
  }
  const filter = queryParam(ctx.req, '$filter');
  let list = visible;
  if (filter) {
    const byName = filter.match(/^roleName\s+eq\s+'(.+)'$/i);
    const byType = filter.match(/^type\s+eq\s+'(BuiltInRole|CustomRole)'$/i);
    if (byName) list = list.filter((d) => String((d.properties as Json | undefined)?.roleName ?? '').toLowerCase() === byName[1]!.toLowerCase());
    else if (byType) list = list.filter((d) => String((d.properties as Json | undefined)?.type ?? '').toLowerCase() === byType[1]!.toLowerCase());
    else return armError(400, 'UnsupportedQuery', `The filter '${filter}' is not supported.`);
  }
  return page(ctx, list.map(scoped));
}

/** The caller's own effective permissions at a scope: one entry per role that applies there. */
function permissions(ctx: ArmContext, route: ExtensionRoute): Reply {
  if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET to list permissions.');
  if (route.rg && route.sub && !ctx.store.get(`/subscriptions/${route.sub}/resourceGroups/${route.rg}`)) {
    return armError(404, 'ResourceGroupNotFound', `Resource group '${route.rg}' could not be found.`);
  }
  if (assignmentsOf(ctx.store, ctx.principal.oid).length === 0) return page(ctx, []);
  const perms = effectivePermissions(ctx.store, ctx.principal.oid, route.scope);
  return page(
    ctx,
    perms.map((p) => ({ actions: p.actions, notActions: p.notActions, dataActions: p.dataActions, notDataActions: p.notDataActions })),
  );
}

/** Locks and diagnostic settings: listed at a scope, read and written by name. */
function scopedChildren(ctx: ArmContext, route: ExtensionRoute): Reply {
  const isLock = sameType(route.type, 'Microsoft.Authorization/locks');
  const verb = ctx.req.method === 'GET' ? 'read' : ctx.req.method === 'DELETE' ? 'delete' : 'write';
  const action = `${canonicalType(route.type)}/${verb}`;
  const check = precheck(ctx, action, route.scope, route.rg);
  if (check) return check;
  if (!route.name) {
    if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET to list.');
    // Locks apply downwards, so a scope's list includes those above and below it; diagnostic settings are per resource.
    const items = itemsAtScope(ctx, route.type, (s) =>
      isLock ? isAtOrBelow(route.scope, s) || isAtOrBelow(s, route.scope) : normalizeId(s) === normalizeId(route.scope),
    );
    const readAction = `${canonicalType(route.type)}/read`;
    const readable = isAllowed(ctx.store, ctx.principal.oid, readAction, route.scope)
      ? items
      : items.filter((r) => isAllowed(ctx.store, ctx.principal.oid, readAction, parseResourceId(r.id)?.scope ?? '/'));
    return page(ctx, readable);
  }
  const id = extensionId(route.scope, route.type, route.name);
  const existing = ctx.store.get(id);
  if (ctx.req.method === 'GET') {
    if (!existing)
      return armError(404, isLock ? 'LockNotFound' : 'ResourceNotFound', `The ${isLock ? 'lock' : 'diagnostic setting'} '${route.name}' could not be found.`);
    return { status: 200, body: existing };
  }
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(id);
    return { status: 200 };
  }
  if (ctx.req.method !== 'PUT') return armError(405, 'MethodNotAllowed', `The requested method '${ctx.req.method}' is not allowed.`);
  if (!isLock) {
    const locked = lockedBy(ctx, route.scope, 'write');
    if (locked) return locked;
  }
  const parsed = readJsonObject(ctx.req);
  if ('error' in parsed) return parsed.error;
  const body = parsed.body;
  const props = (body.properties ?? {}) as Json;
  if (isLock && !['CanNotDelete', 'ReadOnly'].includes(String(props.level))) {
    return armError(400, 'LockLevelRequired', "The lock level must be 'CanNotDelete' or 'ReadOnly'.");
  }
  const r: ArmResource = { id, name: route.name, type: canonicalType(route.type), properties: props };
  ctx.store.put(r);
  return { status: writeStatus(r.type, !!existing), body: r };
}

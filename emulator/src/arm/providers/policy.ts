/**
 * Azure Policy: the built-in definitions (readable by every user of the tenant) and assignments at any scope. A list at
 * a scope holds what applies to it (at or above) and what is assigned below it, as the unfiltered list does;
 * `$filter=atScope()` keeps the first.
 */
import type { ArmResource } from '../../../../lib/estate/file';
import { isAtOrBelow, normalizeId, parseResourceId } from '../../../../lib/estate/ids';
import { queryParam, type Reply } from '../../http';
import { page, precheck, type ArmContext, type Route } from '../context';
import { armError, readJsonObject } from '../errors';
import { BUILTIN_POLICIES } from '../policy-definitions';
import type { Json } from '../resource';
import { writeStatus } from '../status-codes';

type ExtensionRoute = Extract<Route, { kind: 'extension' }>;
const TYPE = 'Microsoft.Authorization/policyAssignments';

export function policyDefinitions(ctx: ArmContext, route: ExtensionRoute): Reply {
  if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Built-in policy definitions are read-only.');
  if (!route.name) return page(ctx, BUILTIN_POLICIES);
  const d = BUILTIN_POLICIES.find((x) => x.name.toLowerCase() === route.name!.toLowerCase());
  return d ? { status: 200, body: d } : armError(404, 'PolicyDefinitionNotFound', `The policy definition '${route.name}' could not be found.`);
}

export function policyAssignments(ctx: ArmContext, route: ExtensionRoute): Reply {
  const verb = ctx.req.method === 'GET' ? 'read' : ctx.req.method === 'DELETE' ? 'delete' : 'write';
  const check = precheck(ctx, `${TYPE}/${verb}`, route.scope, route.rg);
  if (check) return check;
  const all = ctx.store.ofType(TYPE);
  const scopeOf = (r: ArmResource) => parseResourceId(r.id)?.scope ?? '/';
  if (!route.name) {
    if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET to list.');
    const atScope = (queryParam(ctx.req, '$filter') ?? '').replace(/\s/g, '').toLowerCase() === 'atscope()';
    return page(
      ctx,
      all.filter((r) => isAtOrBelow(route.scope, scopeOf(r)) || (!atScope && isAtOrBelow(scopeOf(r), route.scope))),
    );
  }
  const id = `${route.scope === '/' ? '' : route.scope}/providers/${TYPE}/${route.name}`;
  const existing = ctx.store.get(id);
  if (ctx.req.method === 'GET')
    return existing ? { status: 200, body: existing } : armError(404, 'PolicyAssignmentNotFound', `The policy assignment '${route.name}' is not found.`);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(id);
    return { status: 200, body: existing };
  }
  if (ctx.req.method !== 'PUT') return armError(405, 'MethodNotAllowed', `The requested method '${ctx.req.method}' is not allowed.`);
  const parsed = readJsonObject(ctx.req);
  if ('error' in parsed) return parsed.error;
  const props = (parsed.body.properties ?? {}) as Json;
  const definitionId = String(props.policyDefinitionId ?? '');
  const definition = BUILTIN_POLICIES.find((d) => normalizeId(d.id) === normalizeId(definitionId));
  if (!definition) return armError(404, 'PolicyDefinitionNotFound', `The policy definition '${definitionId.split('/').pop()}' could not be found.`);
  const declared = definition.properties.parameters as Record<string, { allowedValues?: string[]; defaultValue?: unknown }>;
  const given = (props.parameters ?? {}) as Record<string, { value?: unknown }>;
  for (const [name, p] of Object.entries(given)) {
    const decl = declared[name];
    if (!decl)
      return armError(
        400,
        'UndefinedPolicyParameter',
        `The policy assignment '${route.name}' has a parameter '${name}' which is not defined in the policy definition.`,
      );
    if (decl.allowedValues && !decl.allowedValues.includes(String(p?.value)))
      return armError(
        400,
        'InvalidPolicyParameters',
        `The value '${String(p?.value)}' of parameter '${name}' is not allowed; allowed values are '${decl.allowedValues.join("', '")}'.`,
      );
  }
  for (const [name, decl] of Object.entries(declared))
    if (decl.defaultValue === undefined && given[name] === undefined)
      return armError(
        400,
        'MissingPolicyParameter',
        `The policy assignment '${route.name}' is missing the parameter '${name}' defined in the policy definition.`,
      );
  const r: ArmResource = {
    id,
    name: route.name,
    type: TYPE,
    properties: { ...props, scope: route.scope, notScopes: props.notScopes ?? [], enforcementMode: props.enforcementMode ?? 'Default' },
  };
  ctx.store.put(r);
  return { status: writeStatus(TYPE, !!existing), body: r };
}

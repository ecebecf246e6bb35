/**
 * Azure Policy's Deny, as ARM applies it to a write: every assignment at or above the resource (minus its notScopes,
 * unless DoNotEnforce) of a built-in definition the emulator serves, whose effect parameter resolves to Deny and whose
 * `if` holds for the resource as it would be written. The rule is read from the definition itself (allOf, anyOf, not;
 * field conditions equals, notEquals, in, notIn, exists; `[parameters('…')]`), not from what Lockstep concludes.
 */
import type { ArmResource } from '../../../lib/estate/file';
import { isAtOrBelow, normalizeId, parseResourceId } from '../../../lib/estate/ids';
import type { Store } from '../store';
import { BUILTIN_POLICIES } from './policy-definitions';
import type { Json } from './resource';

type Condition = Json;

export interface Denial {
  assignment: ArmResource;
  definition: (typeof BUILTIN_POLICIES)[number];
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/** A field's value: `type`, or an alias `{Type}/{path}` read from `properties.{path}`, else the top-level `{path}` (managedBy). */
function field(resource: ArmResource, name: string): unknown {
  if (name.toLowerCase() === 'type') return resource.type;
  const path = name.slice(name.indexOf('/', name.indexOf('/') + 1) + 1);
  const walk = (root: unknown) => path.split('.').reduce<unknown>((v, k) => (v === undefined || v === null ? undefined : obj(v)[k]), root);
  const inProps = walk(resource.properties);
  return inProps !== undefined ? inProps : walk(resource);
}

function holds(c: Condition, resource: ArmResource, value: (v: unknown) => unknown): boolean {
  if (Array.isArray(c.allOf)) return (c.allOf as Condition[]).every((x) => holds(x, resource, value));
  if (Array.isArray(c.anyOf)) return (c.anyOf as Condition[]).some((x) => holds(x, resource, value));
  if (c.not) return !holds(obj(c.not), resource, value);
  if (typeof c.field !== 'string') return false;
  // A field condition on a type the resource is not of (its alias' type prefix) does not apply.
  const v = field(resource, c.field);
  const present = v !== undefined && v !== null && v !== '';
  if ('exists' in c) return String(value(c.exists)).toLowerCase() === 'true' ? present : !present;
  if ('equals' in c) return lower(v) === lower(value(c.equals));
  if ('notEquals' in c) return lower(v) !== lower(value(c.notEquals));
  const list = (x: unknown) => (Array.isArray(x) ? x.map(lower) : []);
  if ('in' in c) return present && list(value(c.in)).includes(lower(v));
  if ('notIn' in c) return !present || !list(value(c.notIn)).includes(lower(v));
  return false;
}

/** The first Deny assignment that refuses `resource` (as it would be written), if any. */
export function denies(store: Store, resource: ArmResource): Denial | undefined {
  for (const a of store.ofType('Microsoft.Authorization/policyAssignments')) {
    const p = obj(a.properties);
    const scope = parseResourceId(a.id)?.scope ?? '/';
    if (!isAtOrBelow(resource.id, scope)) continue;
    if (((p.notScopes as string[] | undefined) ?? []).some((n) => isAtOrBelow(resource.id, n))) continue;
    if (String(p.enforcementMode ?? 'Default') === 'DoNotEnforce') continue;
    const definition = BUILTIN_POLICIES.find((d) => normalizeId(d.id) === normalizeId(String(p.policyDefinitionId ?? '')));
    if (!definition) continue;
    const params = obj(p.parameters);
    const defaults = obj(definition.properties.parameters) as Record<string, { defaultValue?: unknown }>;
    const value = (v: unknown) => {
      const m = typeof v === 'string' ? /^\[parameters\('([^']+)'\)\]$/.exec(v) : null;
      return m ? (obj(params[m[1]!]).value ?? defaults[m[1]!]?.defaultValue) : v;
    };
    if (String(value(definition.properties.policyRule.then.effect)).toLowerCase() !== 'deny') continue;
    if (holds(definition.properties.policyRule.if as Condition, resource, value)) return { assignment: a, definition };
  }
  return undefined;
}

/** ARM's answer to a write a Deny assignment refuses: 403 RequestDisallowedByPolicy, naming the assignment and definition. */
export function disallowedMessage(resource: ArmResource, d: Denial): string {
  const ids = [
    {
      policyAssignment: { name: String(obj(d.assignment.properties).displayName ?? d.assignment.name), id: d.assignment.id },
      policyDefinition: { name: d.definition.properties.displayName, id: d.definition.id, version: d.definition.properties.metadata.version },
    },
  ];
  return `Resource '${resource.name}' was disallowed by policy. Policy identifiers: '${JSON.stringify(ids)}'.`;
}

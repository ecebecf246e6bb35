/**
 * ARM writes and actions, dispatched to the module of the resource provider that owns the type (providers/). Locks are
 * checked before any provider sees the request.
 */
import type { Reply } from '../http';
import type { ArmContext, Route } from './context';
import { armError, readJsonObject } from './errors';
import { associatedResources, diskEncryptionSet, virtualMachine, vmPower } from './providers/compute';
import { feature } from './providers/features';
import { checkNameAvailability, key, keyVault, updateAccessPolicies } from './providers/key-vault';
import { userAssignedIdentity } from './providers/managed-identity';
import { migrate, migrationItem, protectedItem, removeProtection } from './providers/recovery-services';
import { generic, resourceGroup } from './providers/resources';
import { lockedBy, type Json } from './resource';
import { denies, disallowedMessage } from './policy-engine';
import { parseResourceId } from '../../../lib/estate/ids';
import type { ArmResource } from '../../../lib/estate/file';

export function handleWrite(ctx: ArmContext, route: Extract<Route, { kind: 'instance' }>): Reply {
  const locked = lockedBy(ctx, route.id, ctx.req.method === 'DELETE' ? 'delete' : 'write');
  if (locked) return locked;
  const t = route.type.toLowerCase();
  const method = ctx.req.method;
  let body: Json | undefined;
  if (method === 'PUT' || method === 'PATCH') {
    const parsed = readJsonObject(ctx.req);
    if ('error' in parsed) return parsed.error;
    body = parsed.body;
  }
  // Azure Policy's Deny is applied to the resource as it would be written, before the provider sees it.
  if (method === 'PUT' && (t === 'microsoft.compute/disks' || t === 'microsoft.compute/virtualmachines')) {
    const parsed = parseResourceId(route.id)!;
    const candidate = {
      id: route.id,
      name: parsed.name,
      type: route.type,
      properties: (body?.properties ?? {}) as Json,
      managedBy: body?.managedBy,
    } as ArmResource;
    const denial = denies(ctx.store, candidate);
    if (denial) return armError(403, 'RequestDisallowedByPolicy', disallowedMessage(candidate, denial));
  }
  switch (t) {
    case 'microsoft.resources/resourcegroups':
      return resourceGroup(ctx, route, body);
    case 'microsoft.compute/diskencryptionsets':
      return diskEncryptionSet(ctx, route, body);
    case 'microsoft.keyvault/vaults':
      return keyVault(ctx, route, body);
    case 'microsoft.compute/virtualmachines':
      return method === 'PATCH' || (method === 'PUT' && ctx.store.get(route.id)) ? virtualMachine(ctx, route, body) : generic(ctx, route, body);
    case 'microsoft.keyvault/vaults/keys':
      return key(ctx, route, body);
    case 'microsoft.keyvault/vaults/keys/versions':
      return armError(405, 'MethodNotAllowed', 'Key versions are created by Key Vault; they cannot be written through ARM.');
    case 'microsoft.managedidentity/userassignedidentities':
      return userAssignedIdentity(ctx, route, body);
    case 'microsoft.recoveryservices/vaults/replicationfabrics/replicationprotectioncontainers/replicationmigrationitems':
      return migrationItem(ctx, route, body);
    case 'microsoft.recoveryservices/vaults/replicationfabrics/replicationprotectioncontainers/replicationprotecteditems':
      return protectedItem(ctx, route, body) ?? generic(ctx, route, body);
    default:
      return generic(ctx, route, body);
  }
}

export function handleAction(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
  if (route.action === 'checkNameAvailability') return checkNameAvailability(ctx);
  if (route.action === 'associatedResources') return associatedResources(ctx, route);
  if (route.action === 'migrate') return migrate(ctx, route);
  if (route.action === 'protectedItem:remove') return removeProtection(ctx, route);
  if (route.action.startsWith('vm:')) return vmPower(ctx, route);
  if (route.action.startsWith('feature')) return feature(ctx, route);
  if (route.action.startsWith('accessPolicies:')) return updateAccessPolicies(ctx, route);
  return armError(404, 'InvalidResourceType', `The action '${route.action}' is not supported.`);
}

/**
 * What every resource write in the emulator shares, whatever its provider: the resource as ARM shapes it (id, name,
 * canonical type, location, tags), the status code a create or update answers with, management locks, and managed
 * identities as Entra ID assigns them.
 */
import { randomUUID } from 'node:crypto';
import type { ArmResource } from '../../../lib/estate/file';
import { isAtOrBelow, parseResourceId } from '../../../lib/estate/ids';
import type { Reply } from '../http';
import type { ArmContext } from './context';
import { armError } from './errors';
import { writeStatus } from './status-codes';

export type Json = Record<string, unknown>;

/** 409 ScopeLocked when a lock at or above the target forbids the operation. */
export function lockedBy(ctx: ArmContext, targetId: string, op: 'write' | 'delete'): Reply | undefined {
  const locks = ctx.store.ofType('Microsoft.Authorization/locks').filter((l) => isAtOrBelow(targetId, parseResourceId(l.id)!.scope));
  const blocking = locks.filter((l) => {
    const level = String((l.properties as Json | undefined)?.level ?? '');
    return level === 'ReadOnly' || (op === 'delete' && level === 'CanNotDelete');
  });
  if (blocking.length === 0) return undefined;
  const scopes = blocking.map((l) => `'${parseResourceId(l.id)!.scope}'`).join(',');
  return armError(
    409,
    'ScopeLocked',
    `The scope '${targetId}' cannot perform ${op} operation because following scope(s) are locked: ${scopes}. Please remove the lock and try again.`,
  );
}

export function created(existing: ArmResource | undefined, resource: ArmResource, extraHeaders?: Record<string, string>): Reply {
  return { status: writeStatus(resource.type, !!existing), body: resource, headers: extraHeaders };
}

export function baseResource(route: { id: string; type: string }, existing: ArmResource | undefined, body: Json | undefined): ArmResource {
  const p = parseResourceId(route.id)!;
  return {
    ...(existing ?? {}),
    id: existing?.id ?? route.id,
    name: existing?.name ?? p.name,
    type: existing?.type ?? canonicalType(route.type),
    ...(body?.location !== undefined || existing?.location !== undefined ? { location: String(body?.location ?? existing?.location) } : {}),
    ...(body?.tags !== undefined ? { tags: body.tags as Record<string, string> } : existing?.tags ? { tags: existing.tags } : {}),
  };
}

const CANONICAL: Record<string, string> = {
  'microsoft.compute/diskencryptionsets': 'Microsoft.Compute/diskEncryptionSets',
  'microsoft.keyvault/vaults': 'Microsoft.KeyVault/vaults',
  'microsoft.keyvault/vaults/keys': 'Microsoft.KeyVault/vaults/keys',
  'microsoft.keyvault/vaults/keys/versions': 'Microsoft.KeyVault/vaults/keys/versions',
  'microsoft.managedidentity/userassignedidentities': 'Microsoft.ManagedIdentity/userAssignedIdentities',
  'microsoft.authorization/roleassignments': 'Microsoft.Authorization/roleAssignments',
  'microsoft.authorization/locks': 'Microsoft.Authorization/locks',
  'microsoft.insights/diagnosticsettings': 'Microsoft.Insights/diagnosticSettings',
  'microsoft.resources/resourcegroups': 'Microsoft.Resources/resourceGroups',
};

export function canonicalType(type: string): string {
  return CANONICAL[type.toLowerCase()] ?? type;
}

export type Identity = { type?: string; principalId?: string; tenantId?: string; userAssignedIdentities?: Record<string, Json> } | null;

/**
 * A system-assigned identity is created with a new principal id (as Entra ID does) and keeps it
 * across updates; user-assigned identities are looked up so their principal ids show.
 */
export function assignIdentity(ctx: ArmContext, existing: ArmResource | undefined, body: Json | undefined): Identity | Reply {
  const prior = (existing?.identity ?? null) as Identity;
  const requested = (body?.identity ?? undefined) as Identity | undefined;
  if (requested === undefined) return prior;
  if (requested === null) return null;
  const type = String(requested.type ?? 'None');
  const next: NonNullable<Identity> = { type };
  if (/SystemAssigned/i.test(type)) {
    next.principalId = prior?.principalId ?? randomUUID();
    next.tenantId = ctx.store.tenantId;
    ctx.store.registerPrincipal(next.principalId);
  }
  if (/UserAssigned/i.test(type)) {
    const map: Record<string, Json> = {};
    for (const uamiId of Object.keys(requested.userAssignedIdentities ?? {})) {
      const uami = ctx.store.get(uamiId);
      if (!uami) return armError(400, 'FailedIdentityOperation', `Identity '${uamiId}' was not found.`);
      const p = (uami.properties ?? {}) as Json;
      map[uami.id] = { principalId: p.principalId, clientId: p.clientId };
    }
    next.userAssignedIdentities = map;
  }
  return next;
}

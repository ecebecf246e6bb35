import { randomBytes, randomUUID } from 'node:crypto';
import type { ArmResource } from '../../../lib/estate/file';
import { isAtOrBelow, parseResourceId, sameType } from '../../../lib/estate/ids';
import { queryParam, type Reply } from '../http';
import { armError, notFoundResource, readJsonObject } from './errors';
import { page, type ArmContext, type LongRunningOperations, type Route } from './context';
import { writeStatus } from './status-codes';

type Json = Record<string, unknown>;

interface Operation {
  id: string;
  resourceId: string;
  kind: 'put' | 'patch' | 'delete';
  startMs: number;
  doneMs: number;
  settled: boolean;
}

/**
 * Long-running operations the way Compute runs them: the write answers at once with
 * `Azure-AsyncOperation`, the resource shows `Updating`/`Deleting`, and after the configured
 * duration the operation reports `Succeeded` and the resource settles.
 */
export class LroRegistry implements LongRunningOperations {
  private ops = new Map<string, Operation>();

  constructor(public durationMs: number) {}

  reset(): void {
    this.ops.clear();
  }

  start(ctx: ArmContext, resourceId: string, kind: Operation['kind']): Record<string, string> {
    const id = randomUUID();
    const now = ctx.nowMs();
    this.ops.set(id, { id, resourceId, kind, startMs: now, doneMs: now + this.durationMs, settled: false });
    const p = parseResourceId(resourceId)!;
    const location = String(ctx.store.get(resourceId)?.location ?? 'westeurope');
    const apiVersion = queryParam(ctx.req, 'api-version')!;
    const base = `${ctx.req.origin}/subscriptions/${p.subscriptionId}/providers/Microsoft.Compute/locations/${location}/DiskOperations/${id}?p=${encodeURIComponent(randomUUID())}&api-version=${apiVersion}`;
    const headers: Record<string, string> = { 'Azure-AsyncOperation': base, Location: `${base}&monitor=true` };
    if (this.durationMs > 0) headers['Retry-After'] = retryAfter(this.durationMs);
    return headers;
  }

  /** Finishes every operation whose time has come. Called before each ARM request. */
  settle(ctx: ArmContext): void {
    const now = ctx.nowMs();
    for (const op of this.ops.values()) {
      if (op.settled || op.doneMs > now) continue;
      op.settled = true;
      if (op.kind === 'delete') {
        ctx.store.remove(op.resourceId);
      } else {
        const r = ctx.store.get(op.resourceId);
        if (r) (r.properties as Json).provisioningState = 'Succeeded';
      }
    }
  }

  status(ctx: ArmContext, opId: string): Reply {
    this.settle(ctx);
    const op = this.ops.get(opId);
    if (!op) return armError(404, 'NotFound', `The operation '${opId}' was not found.`);
    const body: Json = { name: op.id, startTime: new Date(op.startMs).toISOString(), status: op.settled ? 'Succeeded' : 'InProgress' };
    if (op.settled) body.endTime = new Date(op.doneMs).toISOString();
    const monitor = queryParam(ctx.req, 'monitor') === 'true';
    // Every in-progress answer says when to ask again, as Compute's do: without it clients wait their default (az: 30 s).
    const again = op.settled ? undefined : retryAfter(op.doneMs - ctx.nowMs());
    if (monitor && again) return { status: 202, headers: { Location: ctx.req.url.toString(), 'Retry-After': again } };
    return { status: 200, body, ...(again ? { headers: { 'Retry-After': again } } : {}) };
  }
}

/** Seconds until an operation is likely done: at least 1, at most 10. */
function retryAfter(remainingMs: number): string {
  return String(Math.min(10, Math.max(1, Math.ceil(remainingMs / 1000))));
}

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
  switch (t) {
    case 'microsoft.resources/resourcegroups':
      return resourceGroup(ctx, route, body);
    case 'microsoft.compute/diskencryptionsets':
      return diskEncryptionSet(ctx, route, body);
    case 'microsoft.keyvault/vaults':
      return keyVault(ctx, route, body);
    case 'microsoft.keyvault/vaults/keys':
      return key(ctx, route, body);
    case 'microsoft.keyvault/vaults/keys/versions':
      return armError(405, 'MethodNotAllowed', 'Key versions are created by Key Vault; they cannot be written through ARM.');
    case 'microsoft.managedidentity/userassignedidentities':
      return userAssignedIdentity(ctx, route, body);
    default:
      return generic(ctx, route, body);
  }
}

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

function created(existing: ArmResource | undefined, resource: ArmResource, extraHeaders?: Record<string, string>): Reply {
  return { status: writeStatus(resource.type, !!existing), body: resource, headers: extraHeaders };
}

function baseResource(route: { id: string; type: string }, existing: ArmResource | undefined, body: Json | undefined): ArmResource {
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

function resourceGroup(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(route.id);
    return { status: 200 };
  }
  if (ctx.req.method === 'PATCH') {
    if (!existing) return notFoundResource('Microsoft.Resources/resourceGroups', parseResourceId(route.id)!.name, undefined);
  } else if (!body?.location && !existing) {
    return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  }
  const r = baseResource(route, existing, body);
  r.properties = { provisioningState: 'Succeeded' };
  ctx.store.put(r);
  return created(existing, r);
}

function diskEncryptionSet(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    (existing.properties as Json).provisioningState = 'Deleting';
    return { status: 202, headers: ctx.lro.start(ctx, route.id, 'delete') };
  }
  if (ctx.req.method === 'PATCH' && !existing)
    return notFoundResource('Microsoft.Compute/diskEncryptionSets', parseResourceId(route.id)!.name, parseResourceId(route.id)!.resourceGroup);
  const props = { ...((existing?.properties as Json | undefined) ?? {}), ...((body?.properties as Json | undefined) ?? {}) };
  if (ctx.req.method === 'PUT' && !body?.location) return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  const name = parseResourceId(route.id)!.name;
  if (!/^[a-zA-Z0-9_-]{1,80}$/.test(name)) {
    return armError(400, 'InvalidParameter', `The entity name 'diskEncryptionSetName' is invalid according to its validation rule: ^[a-zA-Z0-9_-]{1,80}$.`);
  }
  const activeKey = props.activeKey as { keyUrl?: string; sourceVault?: { id?: string } } | undefined;
  if (!activeKey?.keyUrl) return armError(400, 'InvalidParameter', "Required parameter 'activeKey.keyUrl' is missing (null).");
  if (!/^https:\/\/[^/]+\/keys\/[^/]+\/[0-9a-fA-F]{32}$/.test(activeKey.keyUrl)) {
    return armError(
      400,
      'InvalidParameter',
      `The key URL '${activeKey.keyUrl}' is not valid. Fully versioned Key Url pointing to a key in KeyVault is required; the version segment of the Url is required regardless of rotationToLatestKeyVersionEnabled value.`,
    );
  }
  if (activeKey.sourceVault?.id && !ctx.store.get(activeKey.sourceVault.id)) {
    return armError(400, 'KeyVaultNotFound', `The key vault '${activeKey.sourceVault.id}' was not found.`);
  }
  if (
    existing &&
    props.encryptionType &&
    (existing.properties as Json).encryptionType &&
    props.encryptionType !== (existing.properties as Json).encryptionType
  ) {
    return armError(
      400,
      'PropertyChangeNotAllowed',
      "Changing property 'encryptionType' is not allowed. Create a new disk encryption set to use a different encryption type.",
    );
  }
  props.encryptionType ??= 'EncryptionAtRestWithCustomerKey';
  props.previousKeys ??= [];
  props.provisioningState = 'Updating';
  if (existing && activeKey.keyUrl !== ((existing.properties as Json).activeKey as { keyUrl?: string } | undefined)?.keyUrl) {
    props.lastKeyRotationTimestamp = new Date(ctx.nowMs()).toISOString();
  }
  const identity = assignIdentity(ctx, existing, body);
  if (identity && 'status' in identity) return identity;
  const r = baseResource(route, existing, body);
  r.identity = identity;
  r.properties = props;
  ctx.store.put(r);
  const headers = ctx.lro.start(ctx, route.id, ctx.req.method === 'PATCH' ? 'patch' : 'put');
  if (ctx.lro.durationMs <= 0) ctx.lro.settle(ctx);
  return { status: writeStatus(route.type, !!existing), body: ctx.store.get(route.id), headers };
}

type Identity = { type?: string; principalId?: string; tenantId?: string; userAssignedIdentities?: Record<string, Json> } | null;

/**
 * A system-assigned identity is created with a new principal id (as Entra ID does) and keeps it
 * across updates; user-assigned identities are looked up so their principal ids show.
 */
function assignIdentity(ctx: ArmContext, existing: ArmResource | undefined, body: Json | undefined): Identity | Reply {
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

const VAULT_NAME = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

function keyVault(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  const name = parseResourceId(route.id)!.name;
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(route.id);
    return { status: 200 };
  }
  if (ctx.req.method === 'PATCH' && !existing) return notFoundResource('Microsoft.KeyVault/vaults', name, parseResourceId(route.id)!.resourceGroup);
  if (!VAULT_NAME.test(name)) {
    return armError(
      400,
      'VaultNameNotValid',
      `The vault name '${name}' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.`,
    );
  }
  const other = ctx.store
    .ofType('Microsoft.KeyVault/vaults')
    .find((v) => v.name.toLowerCase() === name.toLowerCase() && v.id.toLowerCase() !== route.id.toLowerCase());
  if (other) {
    return armError(
      409,
      'VaultAlreadyExists',
      `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken. If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need to be purged before reusing the name.`,
    );
  }
  const requested = (body?.properties ?? {}) as Json;
  const before = (existing?.properties ?? {}) as Json;
  if (ctx.req.method === 'PUT') {
    if (!body?.location) return armError(400, 'LocationRequired', 'The location property is required for this definition.');
    if (!requested.tenantId) return armError(400, 'BadRequest', "The parameter 'properties.tenantId' is required.");
    if (!requested.sku) return armError(400, 'BadRequest', "The parameter 'properties.sku' is required.");
  }
  if (requested.enablePurgeProtection === false) {
    return armError(
      400,
      'BadRequest',
      'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
    );
  }
  if (requested.enableSoftDelete === false) {
    return armError(
      400,
      'BadRequest',
      'The property "enableSoftDelete" cannot be set to false. Soft delete is always enabled for key vaults and cannot be turned off.',
    );
  }
  const retention = requested.softDeleteRetentionInDays;
  if (retention !== undefined && (typeof retention !== 'number' || retention < 7 || retention > 90)) {
    return armError(400, 'BadRequest', "The property 'softDeleteRetentionInDays' must be between 7 and 90.");
  }
  if (before.enablePurgeProtection === true && retention !== undefined && retention !== before.softDeleteRetentionInDays) {
    return armError(400, 'BadRequest', "The property 'softDeleteRetentionInDays' cannot be changed once purge protection is enabled.");
  }
  const apiVersion = queryParam(ctx.req, 'api-version')!;
  const props: Json = ctx.req.method === 'PATCH' || existing ? { ...before, ...requested } : { ...requested };
  props.enableSoftDelete ??= true;
  props.softDeleteRetentionInDays ??= 90;
  // Key Vault's RBAC default flipped to true in api-version 2026-02-01.
  props.enableRbacAuthorization ??= apiVersion >= '2026-02-01';
  props.accessPolicies ??= [];
  if (before.enablePurgeProtection === true) props.enablePurgeProtection = true;
  props.vaultUri = `https://${name.toLowerCase()}.vault.azure.net/`;
  props.provisioningState = 'Succeeded';
  props.publicNetworkAccess ??= 'Enabled';
  const r = baseResource(route, existing, body);
  r.properties = props;
  ctx.store.put(r);
  return created(existing, r);
}

function key(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const p = parseResourceId(route.id)!;
  const existing = ctx.store.get(route.id);
  if (ctx.req.method !== 'PUT') {
    return armError(405, 'MethodNotAllowed', 'Keys can only be created through ARM (create if not exist); update and delete them in the Key Vault data plane.');
  }
  if (!/^[a-zA-Z0-9-]{1,127}$/.test(p.name)) return armError(400, 'BadRequest', `The key name '${p.name}' is invalid: use 1-127 letters, digits and hyphens.`);
  // Keys_CreateIfNotExist: an existing key is returned without any write.
  if (existing) return { status: 200, body: existing };
  const vault = ctx.store.get(p.parentId!)!;
  const vaultProps = (vault.properties ?? {}) as Json;
  const requested = (body?.properties ?? {}) as Json;
  const kty = String(requested.kty ?? 'RSA');
  if (!['RSA', 'RSA-HSM', 'EC', 'EC-HSM'].includes(kty)) return armError(400, 'BadRequest', `The key type '${kty}' is not supported.`);
  const sku = String((vaultProps.sku as Json | undefined)?.name ?? 'standard').toLowerCase();
  if (kty.endsWith('-HSM') && sku !== 'premium') {
    return armError(400, 'BadRequest', `Key type '${kty}' requires a premium vault; '${vault.name}' is ${sku}.`);
  }
  const keySize = kty.startsWith('RSA') ? Number(requested.keySize ?? 2048) : undefined;
  if (keySize !== undefined && ![2048, 3072, 4096].includes(keySize))
    return armError(400, 'BadRequest', `RSA keys must be 2048, 3072 or 4096 bits; ${keySize} was requested.`);
  const now = Math.floor(ctx.nowMs() / 1000);
  const version = randomBytes(16).toString('hex');
  const host = `https://${vault.name.toLowerCase()}.vault.azure.net:443`;
  const attrs = (requested.attributes ?? {}) as Json;
  const attributes: Json = {
    enabled: attrs.enabled ?? true,
    ...(attrs.nbf !== undefined ? { nbf: attrs.nbf } : {}),
    ...(attrs.exp !== undefined ? { exp: attrs.exp } : {}),
    created: now,
    updated: now,
    recoveryLevel: vaultProps.enablePurgeProtection === true ? 'Recoverable' : 'Recoverable+Purgeable',
    exportable: attrs.exportable ?? false,
  };
  const keyProps: Json = {
    attributes,
    kty,
    keyOps: requested.keyOps ?? ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
    ...(keySize !== undefined ? { keySize } : { curveName: requested.curveName ?? 'P-256' }),
    keyUri: `${host}/keys/${p.name}`,
    keyUriWithVersion: `${host}/keys/${p.name}/${version}`,
    ...(requested.rotationPolicy ? { rotationPolicy: requested.rotationPolicy } : {}),
  };
  const r: ArmResource = {
    id: route.id,
    name: p.name,
    type: 'Microsoft.KeyVault/vaults/keys',
    location: vault.location,
    ...(body?.tags ? { tags: body.tags as Record<string, string> } : {}),
    properties: keyProps,
  };
  ctx.store.put(r);
  const v: ArmResource = {
    id: `${route.id}/versions/${version}`,
    name: version,
    type: 'Microsoft.KeyVault/vaults/keys/versions',
    location: vault.location,
    properties: { ...keyProps, rotationPolicy: undefined },
  };
  delete (v.properties as Json).rotationPolicy;
  ctx.store.put(v);
  return { status: 200, body: r };
}

function userAssignedIdentity(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(route.id);
    return { status: 200 };
  }
  if (ctx.req.method === 'PUT' && !body?.location && !existing)
    return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  const r = baseResource(route, existing, body);
  const before = (existing?.properties ?? {}) as Json;
  const principalId = (before.principalId as string | undefined) ?? randomUUID();
  ctx.store.registerPrincipal(principalId);
  r.properties = { tenantId: ctx.store.tenantId, principalId, clientId: (before.clientId as string | undefined) ?? randomUUID() };
  ctx.store.put(r);
  return created(existing, r);
}

function generic(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
  const existing = ctx.store.get(route.id);
  if (ctx.req.method === 'DELETE') {
    if (!existing) return { status: 204 };
    ctx.store.remove(route.id);
    return { status: 200 };
  }
  if (ctx.req.method === 'PATCH' && !existing)
    return notFoundResource(canonicalType(route.type), parseResourceId(route.id)!.name, parseResourceId(route.id)!.resourceGroup);
  const r = baseResource(route, existing, body);
  const props = { ...((ctx.req.method === 'PATCH' ? existing?.properties : undefined) ?? {}), ...((body?.properties as Json | undefined) ?? {}) };
  if (!sameType(route.type, 'Microsoft.Authorization/locks') && !sameType(route.type, 'Microsoft.Insights/diagnosticSettings'))
    props.provisioningState ??= 'Succeeded';
  r.properties = props;
  if (body?.identity !== undefined) {
    const identity = assignIdentity(ctx, existing, body);
    if (identity && 'status' in identity) return identity;
    r.identity = identity;
  }
  ctx.store.put(r);
  return created(existing, r);
}

export function handleAction(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
  if (route.action === 'checkNameAvailability') {
    if (ctx.req.method !== 'POST') return armError(405, 'MethodNotAllowed', 'Use POST for checkNameAvailability.');
    const parsed = readJsonObject(ctx.req);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    const name = String(body.name ?? '');
    if (!VAULT_NAME.test(name)) {
      return {
        status: 200,
        body: {
          nameAvailable: false,
          reason: 'AccountNameInvalid',
          message: `Vault name '${name}' is invalid. Vault names must be 3-24 characters, start with a letter, end with a letter or digit, and contain only letters, digits and single hyphens.`,
        },
      };
    }
    const taken = ctx.store.ofType('Microsoft.KeyVault/vaults').some((v) => v.name.toLowerCase() === name.toLowerCase());
    return {
      status: 200,
      body: taken ? { nameAvailable: false, reason: 'AlreadyExists', message: `The vault name '${name}' is already in use.` } : { nameAvailable: true },
    };
  }
  if (route.action === 'associatedResources') {
    if (ctx.req.method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET for associatedResources.');
    const des = ctx.store.get(route.targetId);
    if (!des) return notFoundResource('Microsoft.Compute/diskEncryptionSets', parseResourceId(route.targetId)!.name, route.rg);
    const ids = ctx.store
      .all()
      .filter((r) => {
        const enc = (r.properties as Json | undefined)?.encryption as { diskEncryptionSetId?: string } | undefined;
        return enc?.diskEncryptionSetId && enc.diskEncryptionSetId.toLowerCase() === des.id.toLowerCase();
      })
      .map((r) => r.id);
    return page(ctx, ids);
  }
  if (route.action.startsWith('accessPolicies:')) {
    const kind = route.action.slice('accessPolicies:'.length).toLowerCase();
    if (ctx.req.method !== 'PUT') return armError(405, 'MethodNotAllowed', 'Use PUT to update access policies.');
    if (!['add', 'replace', 'remove'].includes(kind))
      return armError(400, 'BadRequest', `The operation kind '${kind}' is not valid: use add, replace or remove.`);
    const vault = ctx.store.get(route.targetId);
    if (!vault) return notFoundResource('Microsoft.KeyVault/vaults', parseResourceId(route.targetId)!.name, route.rg);
    const locked = lockedBy(ctx, vault.id, 'write');
    if (locked) return locked;
    const parsed = readJsonObject(ctx.req);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    const incoming = (((body.properties as Json | undefined)?.accessPolicies ?? []) as Json[]).filter((a) => a && typeof a === 'object');
    if (incoming.length === 0) return armError(400, 'BadRequest', "The parameter 'properties.accessPolicies' must contain at least one entry.");
    for (const a of incoming) if (!a.objectId || !a.tenantId) return armError(400, 'BadRequest', 'Every access policy needs tenantId and objectId.');
    const props = vault.properties as Json;
    const current = ((props.accessPolicies ?? []) as Json[]).map((a) => structuredClone(a));
    for (const a of incoming) {
      const match = current.find(
        (c) => String(c.objectId).toLowerCase() === String(a.objectId).toLowerCase() && String(c.applicationId ?? '') === String(a.applicationId ?? ''),
      );
      const perms = (a.permissions ?? {}) as Record<string, string[]>;
      if (kind === 'replace' || !match) {
        if (match) match.permissions = perms;
        else if (kind !== 'remove')
          current.push({ tenantId: a.tenantId, objectId: a.objectId, ...(a.applicationId ? { applicationId: a.applicationId } : {}), permissions: perms });
        continue;
      }
      const mp = (match.permissions ?? {}) as Record<string, string[]>;
      for (const [k, list] of Object.entries(perms)) {
        const have = new Set((mp[k] ?? []).map((x) => x.toLowerCase()));
        if (kind === 'add') mp[k] = [...(mp[k] ?? []), ...list.filter((x) => !have.has(x.toLowerCase()))];
        else mp[k] = (mp[k] ?? []).filter((x) => !list.map((y) => y.toLowerCase()).includes(x.toLowerCase()));
      }
      match.permissions = mp;
    }
    props.accessPolicies = current.filter((c) => Object.values((c.permissions ?? {}) as Record<string, string[]>).some((l) => l.length > 0));
    return {
      status: 200,
      body: {
        id: `${vault.id}/accessPolicies/${kind}`,
        name: kind,
        type: 'Microsoft.KeyVault/vaults/accessPolicies',
        location: vault.location,
        properties: { accessPolicies: props.accessPolicies },
      },
    };
  }
  return armError(404, 'InvalidResourceType', `The action '${route.action}' is not supported.`);
}

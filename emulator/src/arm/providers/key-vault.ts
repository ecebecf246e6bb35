/** Microsoft.KeyVault: vaults, keys (with rotation policies), name availability and access policies. */
import { randomBytes } from 'node:crypto';
import { queryParam, type Reply } from '../../http';
import type { ArmResource } from '../../../../lib/estate/file';
import type { ArmContext, Route } from '../context';
import { armError, notFoundResource, readJsonObject } from '../errors';
import { parseResourceId } from '../../../../lib/estate/ids';
import { baseResource, created, lockedBy, type Json } from '../resource';

const VAULT_NAME = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

export function keyVault(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
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

export function key(ctx: ArmContext, route: { id: string; type: string }, body: Json | undefined): Reply {
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

/** Key Vault's checkNameAvailability: vault names are global. */
export function checkNameAvailability(ctx: ArmContext): Reply {
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

/** Key Vault's accessPolicies/{add|replace|remove}: merges permissions per object id, as Key Vault does. */
export function updateAccessPolicies(ctx: ArmContext, route: Extract<Route, { kind: 'action' }>): Reply {
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

/**
 * The Microsoft Graph subset Lockstep and the Azure CLI use to turn object ids into names:
 * `POST /v1.0/directoryObjects/getByIds`, `GET /v1.0/me`, `/v1.0/users/{id}`, `/v1.0/servicePrincipals/{id}`.
 * Tokens must be for Graph's audience; each call needs the delegated permission Graph documents for it.
 * Directory objects are the estate's people, its applications' service principals, and the managed identities
 * of its resources (a system-assigned identity is a service principal named like its resource).
 */
import { guidFrom } from './builders';
import { jsonBody, type Reply, type Req } from './http';
import type { Store } from './store';

export interface GraphCaller {
  oid: string;
  scopes: string[];
}

interface DirectoryObject {
  '@odata.type': string;
  id: string;
  displayName: string;
  [k: string]: unknown;
}

const BASE = 'https://graph.microsoft.com/v1.0';

function graphError(status: number, code: string, message: string): Reply {
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': guidFrom(`${code}:${Date.now()}:${Math.random()}`),
          'client-request-id': guidFrom(`c:${Math.random()}`),
        },
      },
    },
  };
}

const denied = () => graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

function has(caller: GraphCaller, ...any: string[]): boolean {
  return caller.scopes.some((s) => any.some((a) => a.toLowerCase() === s.toLowerCase()));
}

/** Every directory object the estate implies, by lower-cased id. */
export function directoryObjects(store: Store): Map<string, DirectoryObject> {
  const out = new Map<string, DirectoryObject>();
  for (const u of store.estate.users ?? []) {
    out.set(u.objectId.toLowerCase(), {
      '@odata.type': '#microsoft.graph.user',
      id: u.objectId,
      displayName: u.displayName,
      userPrincipalName: u.userPrincipalName,
      mail: u.userPrincipalName,
      jobTitle: u.jobTitle ?? null,
      businessPhones: [],
      givenName: u.displayName.split(' ')[0] ?? null,
      surname: u.displayName.split(' ').slice(1).join(' ') || null,
      officeLocation: null,
      preferredLanguage: null,
      mobilePhone: null,
    });
  }
  for (const a of store.estate.applications ?? []) {
    const id = guidFrom(`sp:${a.appId}`);
    out.set(id, {
      '@odata.type': '#microsoft.graph.servicePrincipal',
      id,
      appId: a.appId,
      displayName: a.displayName,
      servicePrincipalType: 'Application',
      accountEnabled: true,
      alternativeNames: [],
      servicePrincipalNames: [a.appId],
    });
  }
  for (const type of ['Microsoft.Compute/diskEncryptionSets', 'Microsoft.ManagedIdentity/userAssignedIdentities']) {
    for (const r of store.ofType(type)) {
      const principalId = type.startsWith('Microsoft.Compute')
        ? (r.identity as { principalId?: string } | undefined)?.principalId
        : (r.properties as { principalId?: string } | undefined)?.principalId;
      const clientId = type.startsWith('Microsoft.Compute') ? guidFrom(`mi-client:${r.id}`) : (r.properties as { clientId?: string } | undefined)?.clientId;
      if (!principalId) continue;
      out.set(principalId.toLowerCase(), {
        '@odata.type': '#microsoft.graph.servicePrincipal',
        id: principalId,
        appId: clientId,
        displayName: r.name,
        servicePrincipalType: 'ManagedIdentity',
        accountEnabled: true,
        alternativeNames: [type.startsWith('Microsoft.Compute') ? 'isExplicit=False' : 'isExplicit=True', r.id],
        servicePrincipalNames: [clientId, `https://identity.azure.net/${principalId}`].filter(Boolean),
      });
    }
  }
  return out;
}

export function handleGraph(store: Store, caller: GraphCaller, req: Req, path: string[]): Reply {
  const [first, second, third] = path.map((p) => p);
  const lower = (first ?? '').toLowerCase();
  if (req.method === 'POST' && lower === 'directoryobjects' && second?.toLowerCase() === 'getbyids' && !third) {
    if (!has(caller, 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All')) return denied();
    let body: { ids?: unknown; types?: unknown };
    try {
      body = (jsonBody(req) ?? {}) as typeof body;
    } catch {
      return graphError(
        400,
        'BadRequest',
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      );
    }
    if (!Array.isArray(body.ids) || body.ids.some((i) => typeof i !== 'string'))
      return graphError(400, 'Request_BadRequest', "Invalid value specified for property 'ids' of resource 'DirectoryObject'.");
    if (body.ids.length > 1000) return graphError(400, 'Request_BadRequest', 'The number of ids exceeds the maximum of 1000.');
    const types = Array.isArray(body.types) ? body.types.map((t) => String(t).toLowerCase()) : undefined;
    const all = directoryObjects(store);
    const value = (body.ids as string[])
      .map((id) => all.get(id.toLowerCase()))
      .filter((o): o is DirectoryObject => !!o && (!types || types.includes(o['@odata.type'].replace('#microsoft.graph.', '').toLowerCase())));
    return { status: 200, body: { '@odata.context': `${BASE}/$metadata#directoryObjects`, value } };
  }
  if (req.method !== 'GET') return graphError(405, 'Request_BadRequest', `Specified HTTP method is not allowed for the request uri.`);
  const all = directoryObjects(store);
  if (lower === 'me' && !second) {
    if (!has(caller, 'User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All')) return denied();
    const me = all.get(caller.oid.toLowerCase());
    return me
      ? { status: 200, body: { '@odata.context': `${BASE}/$metadata#users/$entity`, ...me } }
      : graphError(
          404,
          'Request_ResourceNotFound',
          `Resource '${caller.oid}' does not exist or one of its queried reference-property objects are not present.`,
        );
  }
  if ((lower === 'users' || lower === 'serviceprincipals') && second && !third) {
    const isUsers = lower === 'users';
    const self = isUsers && second.toLowerCase() === caller.oid.toLowerCase();
    const allowed = isUsers
      ? self || has(caller, 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All', 'Directory.AccessAsUser.All')
      : has(caller, 'Application.Read.All', 'Directory.Read.All', 'Directory.AccessAsUser.All');
    if (!allowed) return denied();
    const wantedType = isUsers ? '#microsoft.graph.user' : '#microsoft.graph.servicePrincipal';
    const o = [...all.values()].find(
      (x) =>
        x['@odata.type'] === wantedType &&
        (x.id.toLowerCase() === second.toLowerCase() || (isUsers && String(x.userPrincipalName ?? '').toLowerCase() === second.toLowerCase())),
    );
    if (!o)
      return graphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${second}' does not exist or one of its queried reference-property objects are not present.`,
      );
    return { status: 200, body: { '@odata.context': `${BASE}/$metadata#${isUsers ? 'users' : 'servicePrincipals'}/$entity`, ...o } };
  }
  return graphError(400, 'BadRequest', `Resource not found for the segment '${first ?? ''}'.`);
}

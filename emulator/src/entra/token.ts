/** The token endpoint: authorization code (with PKCE), refresh token and password grants, for ARM or Microsoft Graph. */
import { createHash, randomBytes } from 'node:crypto';
import { formBody, json, type Reply, type Req } from '../http';
import { aadError, accessTokenIssuer, clientInfo, corsOriginAllowed, pairwise, tenantName, type Directory } from './shared';

const GRAPH_AUDIENCE = '00000003-0000-0000-c000-000000000000';
/** Delegated Graph permissions an application has when its registration names none. */
const DEFAULT_GRAPH_PERMISSIONS = ['User.Read'];
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export async function token(d: Directory, req: Req, tid: string): Promise<Reply> {
  const cors: Record<string, string> = {};
  const origin = req.headers.origin;
  if (origin) {
    if (!corsOriginAllowed(d, origin)) {
      return json(
        400,
        aadError(
          'invalid_request',
          9002326,
          "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '" + origin + "'.",
        ),
      );
    }
    cors['Access-Control-Allow-Origin'] = origin;
  }
  const f = formBody(req);
  const grant = f.get('grant_type');
  const clientId = f.get('client_id') ?? '';
  if (!d.store.application(clientId)) {
    return json(
      400,
      aadError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenantName(d)}'.`),
      cors,
    );
  }
  const scope = f.get('scope') ?? '';
  let oid: string;
  let nonce: string | undefined;
  if (grant === 'authorization_code') {
    const code = f.get('code') ?? '';
    const entry = d.codes.get(code);
    d.codes.delete(code);
    if (!entry || entry.expMs < d.opts.nowMs()) {
      return json(
        400,
        aadError(
          'invalid_grant',
          70008,
          'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
        ),
        cors,
      );
    }
    if (entry.clientId !== clientId) return json(400, aadError('invalid_grant', 70000, 'The provided authorization code was issued to another client.'), cors);
    if (entry.redirectUri !== f.get('redirect_uri')) {
      return json(
        400,
        aadError('invalid_grant', 50011, 'The redirect URI in the token request does not match the one used in the authorization request.'),
        cors,
      );
    }
    if (entry.challenge) {
      const verifier = f.get('code_verifier') ?? '';
      const computed = createHash('sha256').update(verifier).digest('base64url');
      if (!verifier || computed !== entry.challenge) {
        return json(400, aadError('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'), cors);
      }
    } else if (origin) {
      return json(400, aadError('invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.'), cors);
    }
    oid = entry.oid;
    nonce = entry.nonce;
  } else if (grant === 'refresh_token') {
    const rt = f.get('refresh_token') ?? '';
    const entry = d.refreshTokens.get(rt);
    if (!entry || entry.expMs < d.opts.nowMs() || entry.clientId !== clientId) {
      return json(400, aadError('invalid_grant', 700082, 'The refresh token has expired or is invalid. Sign in again.'), cors);
    }
    // Entra's refresh tokens stay valid for their lifetime when a new one is issued (a client may redeem the
    // same one for ARM and for Graph at once).
    oid = entry.oid;
  } else if (grant === 'password') {
    const user = d.store.userByName(f.get('username') ?? '');
    if (!user || !user.password || user.password !== f.get('password')) {
      return json(400, aadError('invalid_grant', 50126, 'Error validating credentials due to invalid username or password.'), cors);
    }
    oid = user.objectId;
  } else {
    return json(400, aadError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`), cors);
  }
  const user = d.store.user(oid);
  if (!user) return json(400, aadError('invalid_grant', 50034, 'The user account does not exist in this directory.'), cors);

  const app = d.store.application(clientId)!;
  const resource = resourceOf(
    scope,
    { appId: clientId, displayName: app.displayName, graphPermissions: app.graphPermissions ?? DEFAULT_GRAPH_PERMISSIONS },
    req.origin,
  );
  if ('error' in resource) return json(400, aadError(resource.error, resource.code, resource.message), cors);
  const nowS = Math.floor(d.opts.nowMs() / 1000);
  const exp = nowS + d.opts.tokenLifetimeSeconds;
  const accessToken = await d.key.sign({
    aud: resource.aud,
    iss: accessTokenIssuer(tid),
    iat: nowS,
    nbf: nowS,
    exp,
    acr: '1',
    amr: ['pwd'],
    appid: clientId,
    appidacr: '0',
    idtyp: 'user',
    name: user.displayName,
    oid: user.objectId,
    scp: resource.scp,
    sub: pairwise(user.objectId, clientId),
    tid,
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    uti: randomBytes(16).toString('base64url'),
    ver: '1.0',
  });
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: resource.grantedScope,
    expires_in: d.opts.tokenLifetimeSeconds,
    ext_expires_in: d.opts.tokenLifetimeSeconds,
    access_token: accessToken,
    client_info: clientInfo(user.objectId, tid),
  };
  const scopes = scope.split(/\s+/).filter(Boolean);
  if (scopes.includes('openid') || grant === 'authorization_code') {
    body.id_token = await d.key.sign({
      aud: clientId,
      iss: `${req.origin}/${tid}/v2.0`,
      iat: nowS,
      nbf: nowS,
      exp,
      ...(nonce ? { nonce } : {}),
      name: user.displayName,
      oid: user.objectId,
      preferred_username: user.userPrincipalName,
      sub: pairwise(user.objectId, clientId),
      tid,
      ver: '2.0',
    });
  }
  const rt = randomBytes(48).toString('base64url');
  d.refreshTokens.set(rt, { oid: user.objectId, clientId, expMs: d.opts.nowMs() + 24 * 3600_000 });
  body.refresh_token = rt;
  body.refresh_token_expires_in = 86400;
  return json(200, body, { ...cors, 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

type Resource = { aud: string; scp: string; grantedScope: string } | { error: string; code: number; message: string };

const ARM_SCOPE = /^(https:\/\/management\.(?:azure\.com|core\.windows\.net))\/?\/(user_impersonation|\.default)$/i;
const GRAPH_SCOPE = /^(?:https:\/\/graph\.microsoft\.com\/\/?)?([A-Za-z][\w.]*|\.default)$/;

/**
 * The one resource a token request asks for: ARM, or Microsoft Graph (a bare permission such as `User.Read` means
 * Graph, as in Entra). Graph permissions must be consented for the application; `.default` grants what is.
 * Scopes for two resources in one request are refused (AADSTS28000), as Entra refuses them.
 */
function resourceOf(scope: string, app: { appId: string; displayName: string; graphPermissions: string[] }, origin: string): Resource {
  // Graph under this emulator's own origin (a custom cloud's microsoftGraphResourceId) is Graph too.
  const own = origin.toLowerCase();
  const resourceScopes = scope
    .split(/\s+/)
    .filter((s) => s && !OIDC_SCOPES.has(s.toLowerCase()))
    .map((s) => (s.toLowerCase().startsWith(`${own}/`) ? `https://graph.microsoft.com/${s.slice(own.length).replace(/^\/+/, '')}` : s));
  if (resourceScopes.length === 0) {
    return { aud: GRAPH_AUDIENCE, scp: 'User.Read openid profile offline_access', grantedScope: 'User.Read openid profile offline_access' };
  }
  const arm = resourceScopes.filter((s) => ARM_SCOPE.test(s));
  if (arm.length === resourceScopes.length) {
    // The audience is the resource as it was asked for (ARM answers to both of its names), so a client's cache finds it again.
    const resource = ARM_SCOPE.exec(arm[0]!)![1]!.toLowerCase();
    const prefix = resource.includes('core.windows.net') ? `${resource}//` : `${resource}/`;
    return { aud: `${resource}/`, scp: 'user_impersonation', grantedScope: `${prefix}user_impersonation` };
  }
  const graph = resourceScopes.map((s) => GRAPH_SCOPE.exec(s)?.[1]);
  if (graph.every((g) => g !== undefined)) {
    const consented = app.graphPermissions;
    const wanted = graph.filter((g) => g !== '.default') as string[];
    const missing = wanted.filter((w) => !consented.some((c) => c.toLowerCase() === w.toLowerCase()));
    if (missing.length > 0) {
      return {
        error: 'invalid_grant',
        code: 65001,
        message: `The user or administrator has not consented to use the application with ID '${app.appId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`,
      };
    }
    const granted = [...consented].sort();
    return { aud: 'https://graph.microsoft.com', scp: granted.join(' '), grantedScope: granted.map((g) => `https://graph.microsoft.com/${g}`).join(' ') };
  }
  if (arm.length > 0 && graph.some((g) => g !== undefined)) {
    return {
      error: 'invalid_scope',
      code: 28000,
      message:
        'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ' +
        resourceScopes.join(' ') +
        ' is not valid.',
    };
  }
  const other = resourceScopes.find((s) => !arm.includes(s) && !GRAPH_SCOPE.test(s))!;
  return {
    error: 'invalid_resource',
    code: 500011,
    message: `The resource principal named ${other.replace(/\/[^/]*$/, '')} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant.`,
  };
}

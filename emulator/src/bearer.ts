/**
 * The bearer check in front of ARM and Microsoft Graph: each validates the token for its own audience and answers a bad
 * one as it does (ARM's AuthenticationFailed family with a WWW-Authenticate challenge; Graph's InvalidAuthenticationToken).
 */
import { armError } from './arm/errors';
import { routeArm, type Principal } from './arm/router';
import { ARM_AUDIENCES, GRAPH_AUDIENCES, accessTokenIssuer } from './entra';
import { handleGraph } from './graph';
import type { Reply, Req } from './http';
import { verifyJwt } from './jwt';
import type { EmulatorState } from './state';

/** An ARM request: its token checked, then routed as the caller it names. */
export async function armRequest(s: EmulatorState, req: Req): Promise<Reply> {
  const auth = req.headers.authorization ?? '';
  const challenge = `Bearer authorization_uri="${req.origin}/${s.store.tenantId}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`;
  if (!auth.toLowerCase().startsWith('bearer ')) {
    return armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", { 'WWW-Authenticate': challenge });
  }
  const token = auth.slice(7).trim();
  const now = Math.floor(s.options.nowMs() / 1000);
  const v = await verifyJwt(token, s.key, { audiences: ARM_AUDIENCES, issuer: accessTokenIssuer(s.store.tenantId), nowSeconds: now });
  if (!v.ok) {
    const www = { 'WWW-Authenticate': challenge.replace("missing 'Authorization' header", 'invalid access token') };
    switch (v.reason) {
      case 'expired':
        return armError(
          401,
          'ExpiredAuthenticationToken',
          `The access token expiry UTC time '${new Date(Number(v.claims?.exp ?? 0) * 1000).toUTCString()}' is earlier than current UTC time '${new Date(now * 1000).toUTCString()}'.`,
          www,
        );
      case 'audience':
        return armError(
          401,
          'InvalidAuthenticationTokenAudience',
          `The access token has been obtained for wrong audience or resource '${String(v.claims?.aud)}'. It should exactly match with one of the allowed audiences '${ARM_AUDIENCES.join("','")}'.`,
          www,
        );
      case 'issuer':
        return armError(
          401,
          'InvalidAuthenticationTokenTenant',
          `The access token is from the wrong issuer '${String(v.claims?.iss)}'. It must match the tenant '${accessTokenIssuer(s.store.tenantId)}' associated with this subscription.`,
          www,
        );
      default:
        return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', www);
    }
  }
  const c = v.claims;
  const principal: Principal = {
    oid: String(c.oid ?? ''),
    upn: String(c.upn ?? c.unique_name ?? ''),
    name: String(c.name ?? ''),
    appId: String(c.appid ?? ''),
  };
  return routeArm({ store: s.store, principal, req, pageSize: s.options.pageSize, lro: s.lro, throttle: s.throttle, nowMs: s.options.nowMs });
}

/** A Microsoft Graph request under /v1.0: its token checked (Graph's audience), then answered with the caller's delegated scopes. */
export async function graphRequest(s: EmulatorState, req: Req, path: string[]): Promise<Reply> {
  const auth = req.headers.authorization ?? '';
  const fail = (message: string): Reply => ({
    status: 401,
    headers: {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${req.origin}/${s.store.tenantId}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    },
    body: { error: { code: 'InvalidAuthenticationToken', message } },
  });
  if (!auth.toLowerCase().startsWith('bearer ')) return fail('Access token is empty.');
  const v = await verifyJwt(auth.slice(7).trim(), s.key, {
    audiences: GRAPH_AUDIENCES,
    issuer: accessTokenIssuer(s.store.tenantId),
    nowSeconds: Math.floor(s.options.nowMs() / 1000),
  });
  if (!v.ok)
    return fail(
      v.reason === 'expired'
        ? 'Lifetime validation failed, the token is expired.'
        : v.reason === 'audience'
          ? 'Access token validation failure. Invalid audience.'
          : 'Access token validation failure.',
    );
  const scopes = String(v.claims.scp ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const reply = handleGraph(s.store, { oid: String(v.claims.oid ?? ''), scopes }, req, path);
  reply.headers = { 'request-id': req.requestId, 'client-request-id': String(req.headers['client-request-id'] ?? req.requestId), ...(reply.headers ?? {}) };
  return reply;
}

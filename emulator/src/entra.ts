import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { escapeHtml, formBody, html, json, type Reply, type Req } from './http';
import type { SigningKey } from './jwt';
import type { Store } from './store';
import { assignmentsOf } from './arm/rbac';
import { parseResourceId } from '../../lib/estate/ids';

/** What ARM accepts as its audience (the resource it is, under its two names). */
export const ARM_AUDIENCES = [
  'https://management.azure.com/',
  'https://management.azure.com',
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
] as const;
/** What Microsoft Graph accepts as its audience (its URL, or its app id in v1 tokens). */
export const GRAPH_AUDIENCES = ['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000'] as const;
const GRAPH_AUDIENCE = '00000003-0000-0000-c000-000000000000';
/** Delegated Graph permissions an application has when its registration names none. */
const DEFAULT_GRAPH_PERMISSIONS = ['User.Read'];
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** v1 access tokens carry the STS issuer; it does not depend on the host name a client used. */
export function accessTokenIssuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  method?: string;
  nonce?: string;
  oid: string;
  scope: string;
  expMs: number;
}

interface RefreshGrant {
  oid: string;
  clientId: string;
  expMs: number;
}

export interface EntraOptions {
  tokenLifetimeSeconds: number;
  nowMs: () => number;
}

export class Entra {
  private codes = new Map<string, AuthCode>();
  private refreshTokens = new Map<string, RefreshGrant>();

  constructor(
    private readonly store: Store,
    private readonly key: SigningKey,
    private readonly opts: EntraOptions,
  ) {}

  reset(): void {
    this.codes.clear();
    this.refreshTokens.clear();
  }

  /** `/{tenant}/...` → the estate's tenant id, or undefined when the tenant is not this directory. */
  resolveTenant(segment: string): string | undefined {
    const s = segment.toLowerCase();
    const e = this.store.estate;
    if (s === e.tenantId.toLowerCase() || s === 'organizations' || s === 'common' || s === e.tenantDefaultDomain?.toLowerCase()) return e.tenantId;
    return undefined;
  }

  handle(req: Req, tenantSegment: string, rest: string): Reply {
    const tid = this.resolveTenant(tenantSegment);
    if (!tid) {
      return json(
        400,
        aadError(
          'invalid_tenant',
          90002,
          `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        ),
      );
    }
    const base = `${req.origin}/${tenantSegment}`;
    if (rest.toLowerCase().startsWith('userrealm/')) return this.userRealm(rest.slice('userrealm/'.length));
    switch (rest.toLowerCase()) {
      case 'v2.0/.well-known/openid-configuration':
        return json(200, this.discovery(req.origin, tenantSegment, tid), { 'Access-Control-Allow-Origin': '*' });
      case 'discovery/v2.0/keys':
        return json(200, { keys: [this.key.jwk()] }, { 'Access-Control-Allow-Origin': '*' });
      case 'discovery/instance':
        return json(
          200,
          {
            tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: req.url.host, preferred_cache: req.url.host, aliases: [req.url.host] }],
          },
          { 'Access-Control-Allow-Origin': '*' },
        );
      case 'oauth2/v2.0/authorize':
        return this.authorize(req, tid);
      case 'oauth2/v2.0/token':
        return this.token(req, tid);
      case 'oauth2/v2.0/logout':
        return this.logout(req);
      default:
        return json(404, aadError('not_found', 90000, `The endpoint '${rest}' does not exist.`));
    }
  }

  /** `/common/userrealm/{upn}`: MSAL asks whether an account is managed (password grant) or federated. */
  private userRealm(upn: string): Reply {
    const domain = decodeURIComponent(upn).split('@')[1] ?? '';
    const known = this.store.estate.tenantDefaultDomain?.toLowerCase() === domain.toLowerCase() || !!this.store.userByName(decodeURIComponent(upn));
    return json(200, {
      ver: '1.0',
      account_type: known ? 'Managed' : 'Unknown',
      domain_name: domain,
      cloud_instance_name: 'microsoftonline.com',
      cloud_audience_urn: 'urn:federation:MicrosoftOnline',
    });
  }

  discovery(origin: string, tenantSegment: string, tid: string) {
    const base = `${origin}/${tenantSegment}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${origin}/${tid}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
      tenant_region_scope: 'EU',
      cloud_instance_name: new URL(origin).host,
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    };
  }

  /** Origins of registered SPA redirect URIs may redeem codes cross-origin (Entra's SPA platform). */
  corsOriginAllowed(origin: string | undefined): boolean {
    if (!origin) return false;
    return (this.store.estate.applications ?? []).some((a) => a.redirectUris.some((u) => safeOrigin(u) === origin));
  }

  private authorize(req: Req, tid: string): Reply {
    const q = req.url.searchParams;
    const clientId = q.get('client_id') ?? '';
    const redirectUri = q.get('redirect_uri') ?? '';
    const app = this.store.application(clientId);
    if (!app) {
      return errorPage(
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${this.tenantName()}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    if (!app.redirectUris.includes(redirectUri)) {
      return errorPage(
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
      );
    }
    const responseMode = q.get('response_mode') === 'query' ? 'query' : 'fragment';
    const back = (params: Record<string, string>): Reply => {
      const state = q.get('state');
      const p = new URLSearchParams({ ...params, ...(state ? { state } : {}) });
      return { status: 302, headers: { Location: `${redirectUri}${responseMode === 'query' ? '?' : '#'}${p.toString()}`, 'Cache-Control': 'no-store' } };
    };
    if ((q.get('response_type') ?? '') !== 'code') {
      return back({ error: 'unsupported_response_type', error_description: 'AADSTS70005: response_type must be code for this application.' });
    }
    if (q.get('code_challenge') && (q.get('code_challenge_method') ?? 'plain') !== 'S256') {
      return back({ error: 'invalid_request', error_description: 'AADSTS501491: Invalid code_challenge_method: only S256 is accepted.' });
    }
    const sessionOid = readSession(req);
    const prompt = q.get('prompt');
    let chosen: string | undefined;
    if (req.method === 'POST') {
      chosen = formBody(req).get('account') ?? undefined;
      if (!chosen || !this.store.user(chosen)) return this.picker(req, tid, 'That account is not in this directory. Pick one of the accounts below.');
    } else if (prompt === 'none') {
      if (!sessionOid || !this.store.user(sessionOid)) {
        return back({ error: 'login_required', error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.' });
      }
      chosen = sessionOid;
    } else {
      return this.picker(req, tid);
    }
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, {
      clientId,
      redirectUri,
      challenge: q.get('code_challenge') ?? undefined,
      method: q.get('code_challenge_method') ?? undefined,
      nonce: q.get('nonce') ?? undefined,
      oid: chosen,
      scope: q.get('scope') ?? 'openid profile',
      expMs: this.opts.nowMs() + 10 * 60_000,
    });
    const reply = back({ code, client_info: clientInfo(chosen, tid), session_state: randomUUID() });
    reply.headers!['Set-Cookie'] = `lockstep_emulator_session=${chosen}; Path=/; HttpOnly; SameSite=Lax`;
    return reply;
  }

  private tenantName(): string {
    return this.store.estate.tenantDisplayName ?? 'Default Directory';
  }

  private picker(req: Req, tid: string, problem?: string): Reply {
    const q = req.url.searchParams;
    const app = this.store.application(q.get('client_id') ?? '')!;
    const hint = (q.get('login_hint') ?? '').toLowerCase();
    const users = this.store.estate.users ?? [];
    const hinted = hint ? users.filter((u) => u.userPrincipalName.toLowerCase() === hint) : [];
    const shown = hinted.length > 0 ? hinted : users;
    const action = `${req.url.pathname}${req.url.search}`;
    const withoutHint = new URL(req.url.toString());
    withoutHint.searchParams.delete('login_hint');
    const rows = shown
      .map((u) => {
        const initials = u.displayName
          .split(/\s+/)
          .map((w) => w[0] ?? '')
          .join('')
          .slice(0, 2)
          .toUpperCase();
        return `<li><button type="submit" name="account" value="${escapeHtml(u.objectId)}" class="account">
          <span class="avatar" aria-hidden="true">${escapeHtml(initials)}</span>
          <span class="who"><span class="name">${escapeHtml(u.displayName)}</span>
          <span class="upn">${escapeHtml(u.userPrincipalName)}</span>
          <span class="role">${escapeHtml(this.roleSummary(u.objectId, u.jobTitle))}</span></span></button></li>`;
      })
      .join('\n');
    return html(
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to your account</title><style>${PICKER_CSS}</style></head>
<body><main class="card" aria-labelledby="title">
<div class="brand"><span class="logo" aria-hidden="true"><i></i><i></i><i></i><i></i></span><span>Microsoft Entra ID <small>· local emulator</small></span></div>
<h1 id="title">Pick an account</h1>
<p class="to">to continue to <strong>${escapeHtml(app.displayName)}</strong> in <strong>${escapeHtml(this.tenantName())}</strong></p>
${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}"><ul class="accounts">${rows}</ul></form>
${hinted.length > 0 ? `<p><a href="${escapeHtml(withoutHint.pathname + withoutHint.search)}">Use another account</a></p>` : ''}
<p class="note">This page stands in for Microsoft Entra ID sign-in. It signs in the people of the demo estate without a password; tokens are real RS256 JWTs that this emulator's ARM checks.</p>
</main><footer>Tenant ${escapeHtml(tid)}</footer></body></html>`,
    );
  }

  /** "Consultant · Owner on Contoso Health – Landing Zone, Reader on 2 more scopes" */
  roleSummary(oid: string, jobTitle?: string): string {
    const roles = assignmentsOf(this.store, oid).map((a) => {
      const role = String((this.store.roleDefinition(a.roleDefinitionId)?.properties as { roleName?: string } | undefined)?.roleName ?? 'Custom role');
      return `${role} on ${this.scopeName(a.scope)}`;
    });
    const head = roles.slice(0, 2).join(', ');
    const more = roles.length > 2 ? `, +${roles.length - 2} more` : '';
    const access = roles.length === 0 ? 'no Azure role' : head + more;
    return jobTitle ? `${jobTitle} · ${access}` : access;
  }

  private scopeName(scope: string): string {
    const p = parseResourceId(scope);
    if (!p || scope === '/') return 'the whole tenant';
    const sub = p.subscriptionId ? this.store.subscription(p.subscriptionId) : undefined;
    if (p.type === 'Microsoft.Resources/subscriptions') return sub?.displayName ?? scope;
    return `${p.name}${sub ? ` (${sub.displayName})` : ''}`;
  }

  private token(req: Req, tid: string): Reply {
    const cors: Record<string, string> = {};
    const origin = req.headers.origin;
    if (origin) {
      if (!this.corsOriginAllowed(origin)) {
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
    if (!this.store.application(clientId)) {
      return json(
        400,
        aadError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${this.tenantName()}'.`),
        cors,
      );
    }
    const scope = f.get('scope') ?? '';
    let oid: string;
    let nonce: string | undefined;
    if (grant === 'authorization_code') {
      const code = f.get('code') ?? '';
      const entry = this.codes.get(code);
      this.codes.delete(code);
      if (!entry || entry.expMs < this.opts.nowMs()) {
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
      if (entry.clientId !== clientId)
        return json(400, aadError('invalid_grant', 70000, 'The provided authorization code was issued to another client.'), cors);
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
          return json(
            400,
            aadError('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
            cors,
          );
        }
      } else if (origin) {
        return json(400, aadError('invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.'), cors);
      }
      oid = entry.oid;
      nonce = entry.nonce;
    } else if (grant === 'refresh_token') {
      const rt = f.get('refresh_token') ?? '';
      const entry = this.refreshTokens.get(rt);
      if (!entry || entry.expMs < this.opts.nowMs() || entry.clientId !== clientId) {
        return json(400, aadError('invalid_grant', 700082, 'The refresh token has expired or is invalid. Sign in again.'), cors);
      }
      // Entra's refresh tokens stay valid for their lifetime when a new one is issued (a client may redeem the
      // same one for ARM and for Graph at once).
      oid = entry.oid;
    } else if (grant === 'password') {
      const user = this.store.userByName(f.get('username') ?? '');
      if (!user || !user.password || user.password !== f.get('password')) {
        return json(400, aadError('invalid_grant', 50126, 'Error validating credentials due to invalid username or password.'), cors);
      }
      oid = user.objectId;
    } else {
      return json(400, aadError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`), cors);
    }
    const user = this.store.user(oid);
    if (!user) return json(400, aadError('invalid_grant', 50034, 'The user account does not exist in this directory.'), cors);

    const app = this.store.application(clientId)!;
    const resource = resourceOf(
      scope,
      { appId: clientId, displayName: app.displayName, graphPermissions: app.graphPermissions ?? DEFAULT_GRAPH_PERMISSIONS },
      req.origin,
    );
    if ('error' in resource) return json(400, aadError(resource.error, resource.code, resource.message), cors);
    const nowS = Math.floor(this.opts.nowMs() / 1000);
    const exp = nowS + this.opts.tokenLifetimeSeconds;
    const accessToken = this.key.sign({
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
      expires_in: this.opts.tokenLifetimeSeconds,
      ext_expires_in: this.opts.tokenLifetimeSeconds,
      access_token: accessToken,
      client_info: clientInfo(user.objectId, tid),
    };
    const scopes = scope.split(/\s+/).filter(Boolean);
    if (scopes.includes('openid') || grant === 'authorization_code') {
      body.id_token = this.key.sign({
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
    this.refreshTokens.set(rt, { oid: user.objectId, clientId, expMs: this.opts.nowMs() + 24 * 3600_000 });
    body.refresh_token = rt;
    body.refresh_token_expires_in = 86400;
    return json(200, body, { ...cors, 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  }

  private logout(req: Req): Reply {
    const target = req.url.searchParams.get('post_logout_redirect_uri');
    const clear = 'lockstep_emulator_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0';
    const registered = target && (this.store.estate.applications ?? []).some((a) => a.redirectUris.some((u) => safeOrigin(u) === safeOrigin(target)));
    if (target && registered) return { status: 302, headers: { Location: target, 'Set-Cookie': clear } };
    return html(
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title><style>${PICKER_CSS}</style></head><body><main class="card"><h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p></main></body></html>`,
      { 'Set-Cookie': clear },
    );
  }
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

function aadError(error: string, code: number, description: string) {
  return {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  };
}

function errorPage(code: number, message: string): Reply {
  return html(
    400,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title><style>${PICKER_CSS}</style></head>
<body><main class="card"><div class="brand"><span class="logo" aria-hidden="true"><i></i><i></i><i></i><i></i></span><span>Microsoft Entra ID <small>· local emulator</small></span></div>
<h1>Sorry, but we're having trouble signing you in.</h1><p class="problem" role="alert">AADSTS${code}: ${escapeHtml(message)}</p></main></body></html>`,
  );
}

function clientInfo(oid: string, tid: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
}

function pairwise(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}|${clientId}`).digest('base64url').slice(0, 43);
}

function readSession(req: Req): string | undefined {
  const cookie = req.headers.cookie ?? '';
  const m = cookie.match(/(?:^|;\s*)lockstep_emulator_session=([^;]+)/);
  return m?.[1];
}

function safeOrigin(u: string): string | undefined {
  try {
    return new URL(u).origin;
  } catch {
    return undefined;
  }
}

const PICKER_CSS = `
:root{color-scheme:light dark;--bg:#f3f2f1;--card:#fff;--fg:#1b1b1b;--muted:#605e5c;--line:#e1dfdd;--hover:#f3f2f1;--accent:#0067b8}
@media (prefers-color-scheme:dark){:root{--bg:#1b1a19;--card:#252423;--fg:#f3f2f1;--muted:#c8c6c4;--line:#3b3a39;--hover:#323130;--accent:#4aa0e6}}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;background:var(--bg);color:var(--fg);font:15px/1.4 "Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif}
.card{width:min(480px,94vw);background:var(--card);padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{display:flex;align-items:center;gap:10px;font-weight:600;color:var(--muted)}.brand small{font-weight:400}
.logo{display:grid;grid-template-columns:10px 10px;gap:2px}.logo i{width:10px;height:10px;display:block}
.logo i:nth-child(1){background:#f25022}.logo i:nth-child(2){background:#7fba00}.logo i:nth-child(3){background:#00a4ef}.logo i:nth-child(4){background:#ffb900}
h1{font-size:24px;font-weight:600;margin:16px 0 4px}.to{margin:0 0 16px;color:var(--muted)}
ul.accounts{list-style:none;margin:0;padding:0;border-top:1px solid var(--line)}
.account{all:unset;box-sizing:border-box;display:flex;gap:12px;align-items:center;width:100%;padding:12px 8px;border-bottom:1px solid var(--line);cursor:pointer}
.account:hover{background:var(--hover)}.account:focus-visible{outline:2px solid var(--accent);outline-offset:-2px}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;display:grid;place-items:center;background:var(--accent);color:#fff;font-weight:600}
.who{display:flex;flex-direction:column;min-width:0}.name{font-weight:600}.upn,.role{color:var(--muted);font-size:13px}
.note{color:var(--muted);font-size:13px;margin-top:20px}.problem{color:#a4262c;background:#fde7e9;padding:8px 12px}
@media (prefers-color-scheme:dark){.problem{color:#f1bbbc;background:#442726}}
a{color:var(--accent)}footer{margin-top:16px;color:var(--muted);font-size:12px}`;

/** Sign-in and sign-out: the authorize endpoint (code flow with PKCE), the account picker standing in for Entra's page, and logout. */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseResourceId } from '../../../lib/estate/ids';
import { assignmentsOf } from '../arm/rbac';
import { escapeHtml, formBody, html, type Reply, type Req } from '../http';
import { PICKER_CSS } from './pages';
import { clientInfo, errorPage, readSession, safeOrigin, tenantName, type Directory } from './shared';

export function authorize(d: Directory, req: Req, tid: string): Reply {
  const q = req.url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const app = d.store.application(clientId);
  if (!app) {
    return errorPage(
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantName(d)}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
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
    if (!chosen || !d.store.user(chosen)) return picker(d, req, tid, 'That account is not in this directory. Pick one of the accounts below.');
  } else if (prompt === 'none') {
    if (!sessionOid || !d.store.user(sessionOid)) {
      return back({ error: 'login_required', error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.' });
    }
    chosen = sessionOid;
  } else {
    return picker(d, req, tid);
  }
  const code = randomBytes(32).toString('base64url');
  d.codes.set(code, {
    clientId,
    redirectUri,
    challenge: q.get('code_challenge') ?? undefined,
    method: q.get('code_challenge_method') ?? undefined,
    nonce: q.get('nonce') ?? undefined,
    oid: chosen,
    scope: q.get('scope') ?? 'openid profile',
    expMs: d.opts.nowMs() + 10 * 60_000,
  });
  const reply = back({ code, client_info: clientInfo(chosen, tid), session_state: randomUUID() });
  reply.headers!['Set-Cookie'] = `lockstep_emulator_session=${chosen}; Path=/; HttpOnly; SameSite=Lax`;
  return reply;
}

export function picker(d: Directory, req: Req, tid: string, problem?: string): Reply {
  const q = req.url.searchParams;
  const app = d.store.application(q.get('client_id') ?? '')!;
  const hint = (q.get('login_hint') ?? '').toLowerCase();
  const users = d.store.estate.users ?? [];
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
        <span class="role">${escapeHtml(roleSummary(d, u.objectId, u.jobTitle))}</span></span></button></li>`;
    })
    .join('\n');
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to your account</title><style>${PICKER_CSS}</style></head>
<body><main class="card" aria-labelledby="title">
<div class="brand"><span class="logo" aria-hidden="true"><i></i><i></i><i></i><i></i></span><span>Microsoft Entra ID <small>· local emulator</small></span></div>
<h1 id="title">Pick an account</h1>
<p class="to">to continue to <strong>${escapeHtml(app.displayName)}</strong> in <strong>${escapeHtml(tenantName(d))}</strong></p>
${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}"><ul class="accounts">${rows}</ul></form>
${hinted.length > 0 ? `<p><a href="${escapeHtml(withoutHint.pathname + withoutHint.search)}">Use another account</a></p>` : ''}
<p class="note">This page stands in for Microsoft Entra ID sign-in. It signs in the people of the demo estate without a password; tokens are real RS256 JWTs that this emulator's ARM checks.</p>
</main><footer>Tenant ${escapeHtml(tid)}</footer></body></html>`,
  );
}

/** "Consultant · Owner on Contoso Health – Landing Zone, Reader on 2 more scopes" */
export function roleSummary(d: Directory, oid: string, jobTitle?: string): string {
  const roles = assignmentsOf(d.store, oid).map((a) => {
    const role = String((d.store.roleDefinition(a.roleDefinitionId)?.properties as { roleName?: string } | undefined)?.roleName ?? 'Custom role');
    return `${role} on ${scopeName(d, a.scope)}`;
  });
  const head = roles.slice(0, 2).join(', ');
  const more = roles.length > 2 ? `, +${roles.length - 2} more` : '';
  const access = roles.length === 0 ? 'no Azure role' : head + more;
  return jobTitle ? `${jobTitle} · ${access}` : access;
}

export function scopeName(d: Directory, scope: string): string {
  const p = parseResourceId(scope);
  if (!p || scope === '/') return 'the whole tenant';
  const sub = p.subscriptionId ? d.store.subscription(p.subscriptionId) : undefined;
  if (p.type === 'Microsoft.Resources/subscriptions') return sub?.displayName ?? scope;
  return `${p.name}${sub ? ` (${sub.displayName})` : ''}`;
}

export function logout(d: Directory, req: Req): Reply {
  const target = req.url.searchParams.get('post_logout_redirect_uri');
  const clear = 'lockstep_emulator_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0';
  const registered = target && (d.store.estate.applications ?? []).some((a) => a.redirectUris.some((u) => safeOrigin(u) === safeOrigin(target)));
  if (target && registered) return { status: 302, headers: { Location: target, 'Set-Cookie': clear } };
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title><style>${PICKER_CSS}</style></head><body><main class="card"><h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p></main></body></html>`,
    { 'Set-Cookie': clear },
  );
}

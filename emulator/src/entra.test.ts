import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test-support/emulator-harness';
import { DEMO_CLIENT_ID, USERS } from './demo';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
const REDIRECT = 'http://localhost:3000/';

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.emulator.close();
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>) {
  const q = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'https://management.azure.com/user_impersonation openid profile offline_access',
    state: 's1',
    nonce: 'n1',
    response_mode: 'fragment',
    ...params,
  });
  return `${t.base}/${t.estate.tenantId}/oauth2/v2.0/authorize?${q}`;
}

/** Picks an account on the sign-in page, as the browser's form post does. */
async function pickAccount(url: string, oid: string): Promise<URL> {
  const res = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams({ account: oid }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function token(form: Record<string, string>, origin = 'http://localhost:3000') {
  const res = await fetch(`${t.base}/${t.estate.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
  });
  return { status: res.status, cors: res.headers.get('access-control-allow-origin'), body: (await res.json()) as Record<string, unknown> };
}

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('Entra ID emulator', () => {
  it('publishes OpenID metadata whose endpoints it serves', async () => {
    const meta = (await (await fetch(`${t.base}/${t.estate.tenantId}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(meta.issuer).toBe(`${t.base}/${t.estate.tenantId}/v2.0`);
    const keys = (await (await fetch(meta.jwks_uri!)).json()) as { keys: { kid: string; kty: string }[] };
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA', kid: t.emulator.key.kid });
  });

  it('signs in with the authorization code flow, checking PKCE, and issues tokens MSAL and ARM accept', async () => {
    const { verifier, challenge } = pkce();
    const page = await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }));
    const html = await page.text();
    expect(html).toContain('Pick an account');
    expect(html).toContain('Iris de Vries');
    expect(html).toContain('Consultant · Owner on Contoso Health – Landing Zone');
    const back = await pickAccount(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }), USERS.consultant.objectId);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    const fragment = new URLSearchParams(back.hash.slice(1));
    expect(fragment.get('state')).toBe('s1');
    const code = fragment.get('code')!;

    const wrong = await token({ grant_type: 'authorization_code', client_id: DEMO_CLIENT_ID, code, redirect_uri: REDIRECT, code_verifier: 'not-the-verifier' });
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.error_description)).toMatch(/^AADSTS501481/);

    // A code is single use: the failed attempt consumed it, so sign in again.
    const again = new URLSearchParams(
      (await pickAccount(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }), USERS.consultant.objectId)).hash.slice(1),
    ).get('code')!;
    const ok = await token({
      grant_type: 'authorization_code',
      client_id: DEMO_CLIENT_ID,
      code: again,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      scope: 'https://management.azure.com/user_impersonation openid',
    });
    expect(ok.status).toBe(200);
    expect(ok.cors).toBe('http://localhost:3000');
    const id = claims(String(ok.body.id_token));
    expect(id).toMatchObject({
      aud: DEMO_CLIENT_ID,
      nonce: 'n1',
      oid: USERS.consultant.objectId,
      tid: t.estate.tenantId,
      preferred_username: USERS.consultant.userPrincipalName,
      name: 'Iris de Vries',
    });
    const at = claims(String(ok.body.access_token));
    expect(at).toMatchObject({ aud: 'https://management.azure.com/', scp: 'user_impersonation', oid: USERS.consultant.objectId });
    expect(Number(at.exp)).toBeGreaterThan(Date.now() / 1000);
    expect(JSON.parse(Buffer.from(String(ok.body.client_info), 'base64url').toString())).toEqual({ uid: USERS.consultant.objectId, utid: t.estate.tenantId });

    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: DEMO_CLIENT_ID,
      refresh_token: String(ok.body.refresh_token),
      scope: 'https://management.azure.com/user_impersonation',
    });
    expect(refreshed.status).toBe(200);
    // Entra's refresh tokens are not single use: the same one gets a Graph token for names (its audience, its scopes).
    const reused = await token({
      grant_type: 'refresh_token',
      client_id: DEMO_CLIENT_ID,
      refresh_token: String(ok.body.refresh_token),
      scope: 'https://graph.microsoft.com/Directory.Read.All',
    });
    expect(reused.status).toBe(200);
    expect(claims(String(reused.body.access_token))).toMatchObject({ aud: 'https://graph.microsoft.com', oid: USERS.consultant.objectId });
    expect(String(claims(String(reused.body.access_token)).scp).split(' ')).toContain('Directory.Read.All');
    const mixed = await token({
      grant_type: 'refresh_token',
      client_id: DEMO_CLIENT_ID,
      refresh_token: String(ok.body.refresh_token),
      scope: 'https://graph.microsoft.com/User.Read https://management.azure.com/user_impersonation',
    });
    expect(mixed.status).toBe(400);
    expect(String(mixed.body.error_description)).toContain('AADSTS28000');
  });

  it('refuses an unknown client id and an unregistered redirect URI as Entra does', async () => {
    const unknown = await fetch(authorizeUrl({ client_id: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('AADSTS700016');
    const badRedirect = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/' }));
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('AADSTS50011');
  });

  it('refuses cross-origin code redemption from an origin that is not a registered SPA', async () => {
    const r = await token({ grant_type: 'authorization_code', client_id: DEMO_CLIENT_ID, code: 'x', redirect_uri: REDIRECT }, 'https://evil.example');
    expect(r.status).toBe(400);
    expect(r.cors).toBeNull();
    expect(String(r.body.error_description)).toMatch(/^AADSTS9002326/);
  });

  it('honours login_hint and prompt=none', async () => {
    const hinted = await (await fetch(authorizeUrl({ login_hint: USERS.ciso.userPrincipalName }))).text();
    expect(hinted).toContain('Ruth Bakker');
    expect(hinted).not.toContain('Iris de Vries');
    expect(hinted).toContain('Use another account');
    const silent = await fetch(authorizeUrl({ prompt: 'none' }), { redirect: 'manual' });
    const params = new URLSearchParams(new URL(silent.headers.get('location')!).hash.slice(1));
    expect(params.get('error')).toBe('login_required');
  });

  it('accepts the password grant only with the right password', async () => {
    const bad = await token({
      grant_type: 'password',
      client_id: DEMO_CLIENT_ID,
      username: USERS.engineer.userPrincipalName,
      password: 'wrong',
      scope: 'https://management.azure.com/.default',
    });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error_description)).toMatch(/^AADSTS50126/);
    const good = await t.tokens('engineer').getArmToken();
    expect(claims(good.token).upn).toBe(USERS.engineer.userPrincipalName);
  });
});

describe('ARM front door', () => {
  const get = async (path: string, tokenValue?: string) => {
    const res = await fetch(`${t.base}${path}`, { headers: tokenValue ? { authorization: `Bearer ${tokenValue}` } : {} });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: { code: string; message: string }; value?: unknown[] } };
  };

  it('answers 401 with ARM bodies for a missing, expired, forged or wrong-audience token', async () => {
    expect((await get('/subscriptions?api-version=2022-12-01')).body.error?.code).toBe('AuthenticationFailed');
    const now = Math.floor(Date.now() / 1000);
    const base = { iss: `https://sts.windows.net/${t.estate.tenantId}/`, oid: USERS.ciso.objectId, iat: now - 7200, nbf: now - 7200 };
    const expired = await t.emulator.key.sign({ ...base, aud: 'https://management.azure.com/', exp: now - 3600 });
    const r1 = await get('/subscriptions?api-version=2022-12-01', expired);
    expect(r1.status).toBe(401);
    expect(r1.body.error?.code).toBe('ExpiredAuthenticationToken');
    expect(r1.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
    const graph = await t.emulator.key.sign({ ...base, aud: '00000003-0000-0000-c000-000000000000', exp: now + 3600 });
    expect((await get('/subscriptions?api-version=2022-12-01', graph)).body.error?.code).toBe('InvalidAuthenticationTokenAudience');
    const good = (await t.tokens('ciso').getArmToken()).token;
    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await get('/subscriptions?api-version=2022-12-01', forged)).body.error?.code).toBe('InvalidAuthenticationToken');
  });

  it('requires a supported api-version per resource type', async () => {
    const tok = (await t.tokens('ciso').getArmToken()).token;
    const missing = await get('/subscriptions', tok);
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe('MissingApiVersionParameter');
    const wrong = await get(
      `/subscriptions/${t.estate.subscriptions[0]!.subscriptionId}/providers/Microsoft.Compute/diskEncryptionSets?api-version=2026-02-01`,
      tok,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.code).toBe('InvalidApiVersionParameter');
    expect(wrong.body.error?.message).toContain('2025-01-02');
    const ok = await get(`/subscriptions/${t.estate.subscriptions[0]!.subscriptionId}/providers/Microsoft.KeyVault/vaults?api-version=2026-02-01`, tok);
    expect(ok.status).toBe(200);
    expect(Number(ok.headers.get('x-ms-ratelimit-remaining-subscription-reads'))).toBeGreaterThan(0);
  });

  it('answers CORS preflights for ARM and exposes the headers clients need', async () => {
    const res = await fetch(`${t.base}/subscriptions?api-version=2022-12-01`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-ms-client-request-id',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    const tok = (await t.tokens('ciso').getArmToken()).token;
    const actual = await fetch(`${t.base}/subscriptions?api-version=2022-12-01`, {
      headers: { authorization: `Bearer ${tok}`, origin: 'http://localhost:3000' },
    });
    expect(actual.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('throttles with 429 and Retry-After once a bucket is empty', async () => {
    const { Throttle } = await import('./arm/throttle');
    const th = new Throttle({
      reads: { capacity: 2, refillPerSecond: 1 },
      writes: { capacity: 1, refillPerSecond: 1 },
      deletes: { capacity: 1, refillPerSecond: 1 },
    });
    expect(th.take('p', 's', 'reads', 0)).toMatchObject({ ok: true, remaining: 1 });
    expect(th.take('p', 's', 'reads', 0)).toMatchObject({ ok: true, remaining: 0 });
    expect(th.take('p', 's', 'reads', 0)).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(th.take('p', 'other-sub', 'reads', 0).ok).toBe(true);
    expect(th.take('q', 's', 'reads', 0).ok).toBe(true);
    expect(th.take('p', 's', 'reads', 1000).ok).toBe(true);
  });
});

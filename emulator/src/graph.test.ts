/** The Microsoft Graph subset: audiences kept apart from ARM's, permissions as Graph documents them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordTokenSource } from '../../lib/auth/password-token-source';
import { DEMO_CLI_CLIENT_ID, DEMO_PASSWORD, SUBS, USERS } from './demo';
import { startTestEmulator } from '../../test-support/emulator-harness';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.emulator.close();
});

const token = (scope: string, who: keyof typeof USERS = 'ciso') =>
  new PasswordTokenSource({
    tokenEndpoint: `${t.base}/${t.estate.tenantId}/oauth2/v2.0/token`,
    clientId: DEMO_CLI_CLIENT_ID,
    username: USERS[who].userPrincipalName,
    password: DEMO_PASSWORD,
    scope,
  })
    .getArmToken()
    .then((x) => x.token);
const graph = async (path: string, bearer: string, body?: unknown) => {
  const r = await fetch(`${t.base}/v1.0/${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: r.status,
    body: (await r.json()) as Record<string, unknown> & { value?: Record<string, unknown>[]; error?: { code: string; message: string } },
  };
};

describe('Microsoft Graph in the emulator', () => {
  it('resolves users and managed identities by id, leaving unknown ids out', async () => {
    const des = t.estate.resources.find((r) => r.name === 'des-weu-prod-01')!;
    const principal = (des.identity as { principalId: string }).principalId;
    const r = await graph('directoryObjects/getByIds', await token('https://graph.microsoft.com/Directory.Read.All'), {
      ids: [USERS.engineer.objectId, principal, '00000000-0000-4000-8000-000000000000'],
    });
    expect(r.status).toBe(200);
    expect(r.body.value!.map((o) => [o['@odata.type'], o.displayName])).toEqual([
      ['#microsoft.graph.user', 'Sam Okafor'],
      ['#microsoft.graph.servicePrincipal', 'des-weu-prod-01'],
    ]);
    expect(r.body.value![1]).toMatchObject({ servicePrincipalType: 'ManagedIdentity', alternativeNames: ['isExplicit=False', des.id] });
  });

  it('answers /me with User.Read, and refuses getByIds without Directory.Read.All', async () => {
    const basic = await token('https://graph.microsoft.com/User.Read');
    const me = await graph('me', basic);
    expect(me.body).toMatchObject({ id: USERS.ciso.objectId, userPrincipalName: USERS.ciso.userPrincipalName });
    // The demo app is consented for Directory.Read.All, so a User.Read token carries it too (Entra returns every consented scope).
    const byIds = await graph('directoryObjects/getByIds', basic, { ids: [USERS.ciso.objectId] });
    expect(byIds.status).toBe(200);
    const tooMany = await graph('directoryObjects/getByIds', basic, { ids: Array.from({ length: 1001 }, () => USERS.ciso.objectId) });
    expect(tooMany.status).toBe(400);
  });

  it('keeps the audiences apart: an ARM token is refused by Graph, a Graph token by ARM', async () => {
    const arm = await token('https://management.azure.com/user_impersonation');
    const refused = await graph('me', arm);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe('InvalidAuthenticationToken');
    const g = await token('https://graph.microsoft.com/Directory.Read.All');
    const r = await fetch(`${t.base}/subscriptions/${SUBS.landing}?api-version=2022-12-01`, { headers: { authorization: `Bearer ${g}` } });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationTokenAudience');
  });
});

/**
 * What real clients (the Azure CLI, Azure PowerShell, spec-checking SDKs) expect of ARM and Entra, row by row:
 * declared status codes, the cloud's metadata, first-party clients, scopes and audiences as asked, reusable refresh
 * tokens, the providers and generic resource lists, Retry-After on every in-progress poll, and absolute URLs that
 * follow the scheme and host the client used (TLS, or a reverse proxy's X-Forwarded-*).
 */
import { request } from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SUBS, USERS } from './demo';
import { startEmulator } from './server';
import { startTestEmulator } from '../../test-support/emulator-harness';
import { localTls } from './tls';

const AZ_CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const AZ_POWERSHELL = '1950a258-227b-4e31-a9cf-717495945fc2';
let t: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  t = await startTestEmulator({ lroMs: 2000 });
});
afterAll(async () => {
  await t.emulator.close();
});

const form = async (fields: Record<string, string>) => {
  const r = await fetch(`${t.base}/${t.estate.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  return { status: r.status, body: (await r.json()) as Record<string, string> };
};
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const password = (clientId: string, scope: string) =>
  form({
    grant_type: 'password',
    client_id: clientId,
    username: USERS.consultant.userPrincipalName,
    password: DEMO_PASSWORD,
    scope: `${scope} openid profile offline_access`,
  });
const arm = async (method: string, path: string, token: string, body?: unknown) => {
  const r = await fetch(`${t.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return {
    status: r.status,
    headers: r.headers,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { value?: Record<string, unknown>[] },
  };
};

describe('Entra ID as clients expect it', () => {
  it.each([
    ['the Azure CLI', AZ_CLI],
    ['Azure PowerShell', AZ_POWERSHELL],
  ])('knows %s by its first-party client id in every tenant', async (_name, clientId) => {
    const r = await password(clientId, 'https://management.core.windows.net//.default');
    expect(r.status).toBe(200);
    expect(claims(r.body.access_token!)).toMatchObject({ appid: clientId, oid: USERS.consultant.objectId });
  });

  it.each([
    ['https://management.core.windows.net//.default', 'https://management.core.windows.net/', 'https://management.core.windows.net//user_impersonation'],
    ['https://management.core.windows.net/.default', 'https://management.core.windows.net/', 'https://management.core.windows.net//user_impersonation'],
    ['https://management.azure.com//.default', 'https://management.azure.com/', 'https://management.azure.com/user_impersonation'],
    ['https://management.azure.com/user_impersonation', 'https://management.azure.com/', 'https://management.azure.com/user_impersonation'],
  ])('answers %s with the audience and scope as asked', async (scope, aud, granted) => {
    const r = await password(AZ_CLI, scope);
    expect(r.status).toBe(200);
    expect(claims(r.body.access_token!).aud).toBe(aud);
    expect(r.body.scope).toBe(granted);
    // ARM accepts both of its names.
    expect((await arm('GET', `/subscriptions/${SUBS.landing}?api-version=2022-12-01`, r.body.access_token!)).status).toBe(200);
  });

  it('keeps a refresh token valid after it is redeemed, even when the next request fails', async () => {
    const first = await password(AZ_CLI, 'https://management.core.windows.net//.default');
    const rt = first.body.refresh_token!;
    const bad = await form({ grant_type: 'refresh_token', client_id: AZ_CLI, refresh_token: rt, scope: 'https://no-such-resource.example/.default' });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 2; i++)
      expect(
        (await form({ grant_type: 'refresh_token', client_id: AZ_CLI, refresh_token: rt, scope: 'https://management.core.windows.net//.default' })).status,
      ).toBe(200);
  });

  it('serves instance discovery and user realm, as MSAL asks before a password grant', async () => {
    const inst = (await (await fetch(`${t.base}/common/discovery/instance?api-version=1.1&authorization_endpoint=x`)).json()) as {
      tenant_discovery_endpoint: string;
    };
    expect(inst.tenant_discovery_endpoint).toBe(`${t.base}/common/v2.0/.well-known/openid-configuration`);
    const realm = (await (await fetch(`${t.base}/common/userrealm/${USERS.consultant.userPrincipalName}?api-version=1.0`)).json()) as Record<string, string>;
    expect(realm).toMatchObject({ account_type: 'Managed', domain_name: 'contosohealth.onmicrosoft.com' });
  });

  it("gives Graph tokens for a custom cloud's Graph resource id (this emulator's own origin)", async () => {
    const r = await password(AZ_CLI, `${t.base}//.default`);
    expect(r.status).toBe(200);
    expect(claims(r.body.access_token!).aud).toBe('https://graph.microsoft.com');
  });
});

describe('ARM as the REST specs declare it', () => {
  let token: string;
  beforeAll(async () => {
    token = (await password(AZ_CLI, 'https://management.core.windows.net//.default')).body.access_token!;
  });
  const rg = `/subscriptions/${SUBS.landing}/resourceGroups/rg-security-weu`;

  it('answers a DES create and update with 202 and Azure-AsyncOperation (DiskEncryptionSets_CreateOrUpdate declares 200, 202), and every in-progress poll with Retry-After', async () => {
    const des = `${rg}/providers/Microsoft.Compute/diskEncryptionSets/des-clients-01`;
    const keyUrl =
      'https://kv-chx-prod-weu.vault.azure.net/keys/des-key-prod/' +
      (t.estate.resources.find((r) => r.id.endsWith('/keys/des-key-prod'))!.properties as { keyUriWithVersion: string }).keyUriWithVersion.split('/').pop();
    const body = {
      location: 'westeurope',
      identity: { type: 'SystemAssigned' },
      properties: { activeKey: { keyUrl, sourceVault: { id: `${rg}/providers/Microsoft.KeyVault/vaults/kv-chx-prod-weu` } } },
    };
    const created = await arm('PUT', `${des}?api-version=2025-01-02`, token, body);
    expect(created.status).toBe(202);
    const poll = created.headers.get('azure-asyncoperation')!;
    expect(created.headers.get('retry-after')).toMatch(/^\d+$/);
    const status = await fetch(poll, { headers: { authorization: `Bearer ${token}` } });
    expect(((await status.json()) as { status: string }).status).toBe('InProgress');
    expect(status.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect((await arm('PUT', `${des}?api-version=2025-01-02`, token, body)).status).toBe(202);
  });

  it('answers a diagnostic setting create with 200, as DiagnosticSettings_CreateOrUpdate declares', async () => {
    const kv = `${rg}/providers/Microsoft.KeyVault/vaults/kv-chx-exp-weu`;
    const r = await arm('PUT', `${kv}/providers/Microsoft.Insights/diagnosticSettings/clients-audit?api-version=2021-05-01-preview`, token, {
      properties: { workspaceId: '/x', logs: [{ categoryGroup: 'audit', enabled: true }] },
    });
    expect(r.status).toBe(200);
  });

  it('lists resources with the api-versions Microsoft.Resources publishes and the filters az sends', async () => {
    const kvs = await arm(
      'GET',
      `/subscriptions/${SUBS.landing}/resources?$filter=${encodeURIComponent("resourceType eq 'Microsoft.KeyVault/vaults'")}&api-version=2015-11-01`,
      token,
    );
    expect(kvs.status).toBe(200);
    expect(kvs.body.value!.map((v) => v.name).sort()).toEqual(['kv-chx-dbl-weu', 'kv-chx-exp-weu', 'kv-chx-legacy-weu', 'kv-chx-prod-weu']);
    const inRg = await arm(
      'GET',
      `/subscriptions/${SUBS.landing}/resources?$filter=${encodeURIComponent("resourceGroup eq 'rg-security-weu' and resourceType eq 'Microsoft.Compute/diskEncryptionSets'")}&api-version=2021-04-01`,
      token,
    );
    expect(inRg.body.value!.every((v) => String(v.id).includes('/resourceGroups/rg-security-weu/') && v.type === 'Microsoft.Compute/diskEncryptionSets')).toBe(
      true,
    );
    expect(inRg.body.value!.map((v) => v.name)).toEqual(expect.arrayContaining(['des-weu-prod-01', 'des-weu-hsm-01', 'des-weu-fabrikam-01']));
    const tagged = await arm(
      'GET',
      `/subscriptions/${SUBS.landing}/resources?$filter=${encodeURIComponent("tagName eq 'purpose' and tagValue eq 'telehealth'")}&api-version=2021-04-01`,
      token,
    );
    expect(tagged.body.value!.map((v) => v.name)).toEqual(['des-weu-fabrikam-01']);
    const bad = await arm('GET', `/subscriptions/${SUBS.landing}/resources?$filter=${encodeURIComponent('location eq 1')}&api-version=2021-04-01`, token);
    expect(bad.status).toBe(400);
  });

  it('lists the resource providers with their types and api-versions, and shows one', async () => {
    const all = await arm('GET', `/subscriptions/${SUBS.landing}/providers?api-version=2021-04-01`, token);
    expect(all.status).toBe(200);
    const compute = all.body.value!.find((p) => p.namespace === 'Microsoft.Compute') as {
      registrationState: string;
      resourceTypes: { resourceType: string; apiVersions: string[] }[];
    };
    expect(compute.registrationState).toBe('Registered');
    expect(compute.resourceTypes.find((r) => r.resourceType === 'diskEncryptionSets')!.apiVersions).toContain('2025-01-02');
    const kv = await arm('GET', `/subscriptions/${SUBS.landing}/providers/Microsoft.KeyVault?api-version=2021-04-01`, token);
    expect(kv.body.namespace).toBe('Microsoft.KeyVault');
    expect((await arm('GET', `/subscriptions/${SUBS.landing}/providers/Microsoft.Nope?api-version=2021-04-01`, token)).status).toBe(404);
  });

  it('describes the cloud from its ARM URL alone (az cloud register --endpoint-resource-manager)', async () => {
    const legacy = (await (await fetch(`${t.base}/metadata/endpoints?api-version=2015-01-01`)).json()) as {
      authentication: { loginEndpoint: string; audiences: string[] };
    };
    expect(legacy.authentication).toEqual({
      loginEndpoint: `${t.base}/`,
      audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'],
    });
    const current = (await (await fetch(`${t.base}/metadata/endpoints?api-version=2022-09-01`)).json()) as {
      resourceManager: string;
      suffixes: { keyVaultDns: string };
    };
    expect(current).toMatchObject({ resourceManager: `${t.base}/`, suffixes: { keyVaultDns: 'vault.azure.net' } });
  });
});

describe('absolute URLs follow the client', () => {
  it('uses https and the host the client used behind TLS: OpenID metadata, nextLink, Azure-AsyncOperation', async () => {
    const tls = localTls(mkdtempSync(join(tmpdir(), 'lockstep-tls-')));
    const e = await startEmulator({ estate: t.estate, port: 0, pageSize: 1, lroMs: 1000, tls });
    try {
      const get = (path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) =>
        new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port: e.port, path, method, ca: tls.ca, servername: 'localhost', headers: { host: `localhost:${e.port}`, ...headers } },
            (res) => {
              let text = '';
              res.on('data', (c) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      const oidc = JSON.parse((await get(`/${t.estate.tenantId}/v2.0/.well-known/openid-configuration`)).body) as { token_endpoint: string };
      expect(oidc.token_endpoint).toBe(`https://localhost:${e.port}/${t.estate.tenantId}/oauth2/v2.0/token`);
      const tok = JSON.parse(
        (
          await get(
            `/${t.estate.tenantId}/oauth2/v2.0/token`,
            { 'content-type': 'application/x-www-form-urlencoded' },
            'POST',
            new URLSearchParams({
              grant_type: 'password',
              client_id: AZ_CLI,
              username: USERS.consultant.userPrincipalName,
              password: DEMO_PASSWORD,
              scope: 'https://management.core.windows.net//.default',
            }).toString(),
          )
        ).body,
      ) as { access_token: string };
      const subs = JSON.parse((await get('/subscriptions?api-version=2022-12-01', { authorization: `Bearer ${tok.access_token}` })).body) as {
        nextLink: string;
      };
      expect(subs.nextLink).toMatch(new RegExp(`^https://localhost:${e.port}/subscriptions\\?`));
      // Behind a reverse proxy, the proxy's scheme and host.
      const proxied = JSON.parse(
        (
          await get('/subscriptions?api-version=2022-12-01', {
            authorization: `Bearer ${tok.access_token}`,
            'x-forwarded-proto': 'https',
            'x-forwarded-host': 'azure.contoso.test',
          })
        ).body,
      ) as { nextLink: string };
      expect(proxied.nextLink).toMatch(/^https:\/\/azure\.contoso\.test\/subscriptions\?/);
      const rg = `/subscriptions/${SUBS.landing}/resourceGroups/rg-security-weu`;
      const put = await get(
        `${rg}/providers/Microsoft.Compute/diskEncryptionSets/des-noid-tls?api-version=2025-01-02`,
        { authorization: `Bearer ${tok.access_token}`, 'content-type': 'application/json' },
        'PATCH',
        JSON.stringify({ properties: {} }),
      );
      expect(put.status).toBe(404);
      const created = await get(
        `${rg}/providers/Microsoft.Compute/diskEncryptionSets/des-weu-noid-01?api-version=2025-01-02`,
        { authorization: `Bearer ${tok.access_token}`, 'content-type': 'application/json' },
        'PATCH',
        JSON.stringify({ properties: { rotationToLatestKeyVersionEnabled: true } }),
      );
      expect(created.status).toBe(202);
      expect(String(created.headers['azure-asyncoperation'])).toMatch(new RegExp(`^https://localhost:${e.port}/subscriptions/`));
    } finally {
      await e.close();
    }
  });
});

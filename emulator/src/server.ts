import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EstateFile } from '../../lib/estate/file';
import { segments } from '../../lib/estate/ids';
import { isLoopback, json, jsonBody, queryParam, readRequest, send, type Reply, type Req } from './http';
import { SigningKey, verifyJwt } from './jwt';
import { Store } from './store';
import { Entra, ARM_AUDIENCES, GRAPH_AUDIENCES, accessTokenIssuer } from './entra';
import { handleGraph } from './graph';
import { Faults, validateFault } from './faults';
import { armError } from './arm/errors';
import { classify, routeArm, type Principal } from './arm/router';
import { Throttle } from './arm/throttle';
import { LroRegistry } from './arm/lro';

export interface EmulatorOptions {
  estate: EstateFile;
  port?: number;
  host?: string;
  /** Items per list page before `nextLink` (ARM pages vary; 100 is common). */
  pageSize?: number;
  /** How long a long-running operation (DES create/update/delete) takes. */
  lroMs?: number;
  tokenLifetimeSeconds?: number;
  /** Clock, for tests. */
  nowMs?: () => number;
  /** Serve TLS with this key and certificate (`--https`); plain http otherwise. */
  tls?: { key: string; cert: string };
}

export interface Emulator {
  url: string;
  port: number;
  store: Store;
  key: SigningKey;
  faults: Faults;
  options: Required<Omit<EmulatorOptions, 'estate' | 'port' | 'host' | 'tls'>>;
  close(): Promise<void>;
}

const ARM_ALLOWED_HEADERS =
  'authorization, content-type, x-ms-client-request-id, x-ms-useragent, x-ms-return-client-request-id, x-ms-correlation-request-id, accept, accept-language, if-match, if-none-match, traceparent';
const ARM_EXPOSED_HEADERS = [
  'x-ms-request-id',
  'x-ms-correlation-request-id',
  'x-ms-client-request-id',
  'x-ms-routing-request-id',
  'retry-after',
  'azure-asyncoperation',
  'location',
  'x-ms-ratelimit-remaining-subscription-reads',
  'x-ms-ratelimit-remaining-subscription-writes',
  'x-ms-ratelimit-remaining-subscription-deletes',
  'x-ms-ratelimit-remaining-tenant-reads',
  'x-ms-ratelimit-remaining-tenant-writes',
  'www-authenticate',
].join(', ');

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  // The emulator's clock can be moved forward (POST /_emulator/settings {"clockOffsetSeconds": 7200})
  // so that tests can let tokens expire without waiting an hour.
  let clockOffsetMs = 0;
  const baseNow = opts.nowMs ?? (() => Date.now());
  const options = {
    pageSize: opts.pageSize ?? 100,
    lroMs: opts.lroMs ?? 3000,
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? 3600,
    nowMs: () => baseNow() + clockOffsetMs,
  };
  const store = new Store(opts.estate);
  const key = new SigningKey();
  const entra = new Entra(store, key, { tokenLifetimeSeconds: options.tokenLifetimeSeconds, nowMs: options.nowMs });
  const faults = new Faults();
  const throttle = new Throttle();
  const lro = new LroRegistry(options.lroMs);
  const counters = new Map<string, number>();

  const handle = async (req: Req): Promise<Reply | 'dropped'> => {
    const segs = segments(req.path);
    const first = (segs[0] ?? '').toLowerCase();

    if (req.path === '/favicon.ico' || req.path === '/') {
      return req.path === '/' ? json(200, { service: 'Lockstep local Azure emulator', tenantId: store.tenantId, docs: 'emulator/README.md' }) : { status: 204 };
    }

    if (first === '_emulator') {
      if (!isLoopback(req)) return json(403, { error: { code: 'Forbidden', message: 'The emulator control endpoint answers on loopback only.' } });
      return control(req, segs.slice(1));
    }

    const routeKey = routeLabel(req);
    counters.set(routeKey, (counters.get(routeKey) ?? 0) + 1);

    if (req.method === 'OPTIONS') return preflight(req, entra);

    const fault = faults.take(req.method, req.path);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.drop) {
      req.raw.socket.destroy();
      return 'dropped';
    }
    if (fault?.malformed)
      return {
        status: fault.status ?? 200,
        text: '{"value": [ {"id": "/subscriptions/',
        contentType: 'application/json; charset=utf-8',
        headers: armHeaders(req),
      };
    if (fault?.status) {
      const headers: Record<string, string> = { ...armHeaders(req) };
      if (fault.retryAfterSeconds !== undefined || fault.status === 429 || fault.status === 503) headers['Retry-After'] = String(fault.retryAfterSeconds ?? 1);
      return armError(fault.status, fault.code ?? defaultCode(fault.status), fault.message ?? defaultMessage(fault.status), headers);
    }

    // Microsoft Graph under /v1.0/…, the cloud's endpoint metadata, Entra ID under /{tenant}/…; everything else is ARM.
    if (first === 'v1.0') return graph(req, segs.slice(1));
    if (first === 'metadata' && (segs[1] ?? '').toLowerCase() === 'endpoints' && segs.length === 2) return cloudMetadata(req);
    if (first !== 'subscriptions' && first !== 'providers' && first !== 'tenants' && segs.length >= 2) {
      const reply = entra.handle(req, segs[0]!, segs.slice(1).join('/'));
      return reply;
    }
    const reply = arm(req);
    reply.headers = { ...armHeaders(req), ...(reply.headers ?? {}) };
    return reply;
  };

  const arm = (req: Req): Reply => {
    const auth = req.headers.authorization ?? '';
    const challenge = `Bearer authorization_uri="${req.origin}/${store.tenantId}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`;
    if (!auth.toLowerCase().startsWith('bearer ')) {
      return armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", { 'WWW-Authenticate': challenge });
    }
    const token = auth.slice(7).trim();
    const now = Math.floor(options.nowMs() / 1000);
    const v = verifyJwt(token, key, { audiences: ARM_AUDIENCES, issuer: accessTokenIssuer(store.tenantId), nowSeconds: now });
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
            `The access token is from the wrong issuer '${String(v.claims?.iss)}'. It must match the tenant '${accessTokenIssuer(store.tenantId)}' associated with this subscription.`,
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
    return routeArm({ store, principal, req, pageSize: options.pageSize, lro, throttle, nowMs: options.nowMs });
  };

  const graph = (req: Req, path: string[]): Reply => {
    const auth = req.headers.authorization ?? '';
    const fail = (message: string): Reply => ({
      status: 401,
      headers: {
        'WWW-Authenticate': `Bearer realm="", authorization_uri="${req.origin}/${store.tenantId}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
      },
      body: { error: { code: 'InvalidAuthenticationToken', message } },
    });
    if (!auth.toLowerCase().startsWith('bearer ')) return fail('Access token is empty.');
    const v = verifyJwt(auth.slice(7).trim(), key, {
      audiences: GRAPH_AUDIENCES,
      issuer: accessTokenIssuer(store.tenantId),
      nowSeconds: Math.floor(options.nowMs() / 1000),
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
    const reply = handleGraph(store, { oid: String(v.claims.oid ?? ''), scopes }, req, path);
    reply.headers = { 'request-id': req.requestId, 'client-request-id': String(req.headers['client-request-id'] ?? req.requestId), ...(reply.headers ?? {}) };
    return reply;
  };

  const control = (req: Req, segs: string[]): Reply => {
    const what = (segs[0] ?? '').toLowerCase();
    if (what === 'health') {
      return json(200, {
        ok: true,
        tenantId: store.tenantId,
        subscriptions: store.estate.subscriptions.length,
        resources: store.all().length,
        users: store.estate.users?.length ?? 0,
      });
    }
    if (what === 'faults') {
      if (req.method === 'GET') return json(200, { value: faults.list() });
      if (req.method === 'DELETE' && segs[1])
        return faults.remove(segs[1]) ? json(200, { removed: segs[1] }) : json(404, { error: { code: 'NotFound', message: `No fault ${segs[1]}.` } });
      if (req.method === 'DELETE') {
        faults.reset();
        return json(200, { value: [] });
      }
      if (req.method === 'POST') {
        let body: unknown;
        try {
          body = jsonBody(req);
        } catch {
          return json(400, { error: { code: 'InvalidFault', message: 'The body is not JSON.' } });
        }
        const f = validateFault(body);
        if (typeof f === 'string') return json(400, { error: { code: 'InvalidFault', message: f } });
        return json(201, faults.add(f));
      }
    }
    if (what === 'requests') {
      if (req.method === 'DELETE') {
        counters.clear();
        return json(200, { total: 0, routes: {} });
      }
      const routes = Object.fromEntries([...counters.entries()].sort((a, b) => b[1] - a[1]));
      return json(200, { total: [...counters.values()].reduce((a, b) => a + b, 0), routes });
    }
    if (what === 'reset' && req.method === 'POST') {
      store.reset();
      faults.reset();
      throttle.reset();
      lro.reset();
      entra.reset();
      counters.clear();
      clockOffsetMs = 0;
      return json(200, { reset: true });
    }
    if (what === 'settings' && req.method === 'POST') {
      const body = (jsonBody(req) ?? {}) as { lroMs?: number; pageSize?: number; clockOffsetSeconds?: number };
      if (typeof body.lroMs === 'number') lro.durationMs = options.lroMs = body.lroMs;
      if (typeof body.pageSize === 'number' && body.pageSize > 0) options.pageSize = body.pageSize;
      if (typeof body.clockOffsetSeconds === 'number') clockOffsetMs = body.clockOffsetSeconds * 1000;
      return json(200, { lroMs: options.lroMs, pageSize: options.pageSize, clockOffsetSeconds: clockOffsetMs / 1000 });
    }
    return json(404, {
      error: { code: 'NotFound', message: 'Control endpoints: GET health, GET|POST|DELETE faults, GET|DELETE requests, POST reset, POST settings.' },
    });
  };

  const listener = (raw: IncomingMessage, res: ServerResponse) => {
    const origin = originOf(raw, opts.tls ? 'https' : 'http', () => (server.address() as AddressInfo).port);
    readRequest(raw, origin)
      .then(handle)
      .then((reply) => {
        if (reply === 'dropped') return;
        const cors = corsHeaders(raw.headers.origin, first(raw.url), entra);
        send(res, { ...reply, headers: { ...cors, ...(reply.headers ?? {}) } });
      })
      .catch((e: unknown) => {
        console.error('emulator: request failed', e);
        if (!res.headersSent) send(res, armError(500, 'InternalServerError', 'The emulator failed to process the request.'));
      });
  };
  const server: Server = opts.tls ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createServer(listener);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${opts.tls ? 'https' : 'http'}://localhost:${port}`,
    port,
    store,
    key,
    faults,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function first(url: string | undefined): string {
  return (url ?? '/').split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
}

/**
 * `GET /metadata/endpoints`: what a client needs to know of this cloud from its ARM URL alone (`az cloud register
 * --endpoint-resource-manager URL`). api-version 2015-01-01 answers in the legacy shape msrestazure reads; newer ones in
 * ARM's current shape (name, authentication, suffixes, …).
 */
function cloudMetadata(req: Req): Reply {
  const v = queryParam(req, 'api-version');
  if (!v) return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  const origin = req.origin;
  const audiences = ['https://management.core.windows.net/', 'https://management.azure.com/'];
  if (v === '2015-01-01') {
    return json(200, {
      galleryEndpoint: `${origin}/`,
      graphEndpoint: 'https://graph.windows.net/',
      portalEndpoint: `${origin}/`,
      authentication: { loginEndpoint: `${origin}/`, audiences },
    });
  }
  if (!['2018-01-01', '2019-05-01', '2020-06-01', '2022-09-01'].includes(v)) {
    return armError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${v}' is invalid. The supported versions are '2015-01-01,2018-01-01,2019-05-01,2020-06-01,2022-09-01'.`,
    );
  }
  const cloud = {
    portal: `${origin}/`,
    authentication: { loginEndpoint: `${origin}/`, audiences, tenant: 'common', identityProvider: 'AAD' },
    media: 'https://rest.media.azure.net',
    graphAudience: 'https://graph.windows.net/',
    graph: 'https://graph.windows.net/',
    name: 'LockstepLocal',
    suffixes: {
      azureDataLakeStoreFileSystem: 'azuredatalakestore.net',
      acrLoginServer: 'azurecr.io',
      sqlServerHostname: 'database.windows.net',
      azureDataLakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
      keyVaultDns: 'vault.azure.net',
      storage: 'core.windows.net',
      azureFrontDoorEndpointSuffix: 'azurefd.net',
      storageSyncEndpointSuffix: 'afs.azure.net',
      mhsmDns: 'managedhsm.azure.net',
      mysqlServerEndpoint: 'mysql.database.azure.com',
      postgresqlServerEndpoint: 'postgres.database.azure.com',
      mariadbServerEndpoint: 'mariadb.database.azure.com',
      synapseAnalytics: 'dev.azuresynapse.net',
      attestationEndpoint: 'attest.azure.net',
    },
    batch: 'https://batch.core.windows.net/',
    resourceManager: `${origin}/`,
    vmImageAliasDoc: `${origin}/metadata/vm-image-aliases`,
    activeDirectoryDataLake: 'https://datalake.azure.net/',
    sqlManagement: 'https://management.core.windows.net:8443/',
    microsoftGraphResourceId: 'https://graph.microsoft.com/',
    appInsightsResourceId: 'https://api.applicationinsights.io',
    appInsightsTelemetryChannelResourceId: 'https://dc.applicationinsights.azure.com/v2/track',
    attestationResourceId: 'https://attest.azure.net',
    synapseAnalyticsResourceId: 'https://dev.azuresynapse.net',
    logAnalyticsResourceId: 'https://api.loganalytics.io',
    ossrDbmsResourceId: 'https://ossrdbms-aad.database.windows.net',
  };
  return json(200, v === '2019-05-01' || v === '2018-01-01' ? [cloud] : cloud);
}

/**
 * The origin clients should see in absolute URLs (`nextLink`, `Azure-AsyncOperation`, `Location`, OpenID metadata): the
 * scheme and host the request came in on, or what a reverse proxy in front says (`X-Forwarded-Proto`, `-Host`).
 */
export function originOf(raw: IncomingMessage, scheme: 'http' | 'https', port: () => number): string {
  const header = (name: string) => {
    const v = raw.headers[name];
    return (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  };
  const proto = header('x-forwarded-proto')?.toLowerCase();
  const host = header('x-forwarded-host') ?? raw.headers.host ?? `127.0.0.1:${port()}`;
  return `${proto === 'https' || proto === 'http' ? proto : scheme}://${host}`;
}

function isArmPath(firstSegment: string): boolean {
  return (
    firstSegment === 'v1.0' ||
    firstSegment === 'subscriptions' ||
    firstSegment.startsWith('subscriptions?') ||
    firstSegment === 'providers' ||
    firstSegment === 'tenants' ||
    firstSegment.startsWith('tenants?')
  );
}

/** ARM answers CORS for any origin (its callers carry bearer tokens, not cookies); Entra only for registered SPA origins. */
function corsHeaders(origin: string | undefined, firstSegment: string, entra: Entra): Record<string, string> {
  if (!origin) return {};
  if (isArmPath(firstSegment)) return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': ARM_EXPOSED_HEADERS, Vary: 'Origin' };
  if (entra.corsOriginAllowed(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return {};
}

function preflight(req: Req, entra: Entra): Reply {
  const origin = req.headers.origin;
  const f = first(req.url.pathname);
  if (!origin || (!isArmPath(f) && !entra.corsOriginAllowed(origin))) return { status: 403 };
  return {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'GET, PUT, PATCH, POST, DELETE, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? ARM_ALLOWED_HEADERS),
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    },
  };
}

function armHeaders(req: Req): Record<string, string> {
  const client = req.headers['x-ms-client-request-id'];
  return {
    'x-ms-request-id': req.requestId,
    'x-ms-correlation-request-id': req.requestId,
    'x-ms-routing-request-id': `WESTEUROPE:${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}Z:${req.requestId}`,
    ...(typeof client === 'string' ? { 'x-ms-client-request-id': client } : {}),
    'Cache-Control': 'no-cache',
  };
}

/** A request's route with names collapsed, for the request counter (`GET collection Microsoft.Compute/diskEncryptionSets`). */
function routeLabel(req: Req): string {
  const segs = segments(req.path);
  const f = (segs[0] ?? '').toLowerCase();
  if (f !== 'subscriptions' && f !== 'providers' && f !== 'tenants') return `${req.method} entra ${segs.slice(1).join('/')}`;
  const r = classify(req.path);
  const type = 'type' in r ? ` ${r.type}` : '';
  return `${req.method} ${r.kind}${type}`;
}

function defaultCode(status: number): string {
  return (
    (
      {
        400: 'BadRequest',
        401: 'AuthenticationFailed',
        403: 'AuthorizationFailed',
        404: 'ResourceNotFound',
        409: 'Conflict',
        429: 'TooManyRequests',
        500: 'InternalServerError',
        502: 'BadGateway',
        503: 'ServiceUnavailable',
        504: 'GatewayTimeout',
      } as Record<number, string>
    )[status] ?? 'Error'
  );
}

function defaultMessage(status: number): string {
  if (status === 429)
    return 'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits';
  if (status >= 500) return 'The server encountered an internal error. Please retry the request.';
  return 'The request failed (injected by the emulator fault switchboard).';
}

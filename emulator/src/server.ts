import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { segments } from '../../lib/estate/ids';
import { armError } from './arm/errors';
import { armRequest, graphRequest } from './bearer';
import { cloudMetadata } from './cloud-metadata';
import { control } from './control';
import { armHeaders, corsHeaders, defaultCode, defaultMessage, first, preflight, routeLabel } from './edges';
import type { Faults } from './faults';
import { isLoopback, json, readRequest, send, type Req, type Reply } from './http';
import type { SigningKey } from './jwt';
import { createState, type EmulatorOptions } from './state';
import type { Store } from './store';

export type { EmulatorOptions };

export interface Emulator {
  url: string;
  port: number;
  store: Store;
  key: SigningKey;
  faults: Faults;
  options: Required<Omit<EmulatorOptions, 'estate' | 'port' | 'host' | 'tls'>>;
  close(): Promise<void>;
}

/**
 * Starts the local Azure: one port for Entra ID (/{tenant}/…), Microsoft Graph (/v1.0/…), the cloud's metadata and ARM.
 * Each request passes the fault switchboard first, then goes to its endpoint group with the emulator's state.
 */
export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const state = createState(opts);
  const { store, key, entra, faults, counters, options } = state;

  const handle = async (req: Req): Promise<Reply | 'dropped'> => {
    const segs = segments(req.path);
    const head = (segs[0] ?? '').toLowerCase();

    if (req.path === '/favicon.ico' || req.path === '/') {
      return req.path === '/' ? json(200, { service: 'Lockstep local Azure emulator', tenantId: store.tenantId, docs: 'emulator/README.md' }) : { status: 204 };
    }

    if (head === '_emulator') {
      if (!isLoopback(req)) return json(403, { error: { code: 'Forbidden', message: 'The emulator control endpoint answers on loopback only.' } });
      return control(state, req, segs.slice(1));
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
    if (head === 'v1.0') return graphRequest(state, req, segs.slice(1));
    if (head === 'metadata' && (segs[1] ?? '').toLowerCase() === 'endpoints' && segs.length === 2) return cloudMetadata(req);
    if (head !== 'subscriptions' && head !== 'providers' && head !== 'tenants' && segs.length >= 2) {
      const reply = entra.handle(req, segs[0]!, segs.slice(1).join('/'));
      return reply;
    }
    const reply = await armRequest(state, req);
    reply.headers = { ...armHeaders(req), ...(reply.headers ?? {}) };
    return reply;
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

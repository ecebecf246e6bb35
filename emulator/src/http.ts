import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export interface Req {
  raw: IncomingMessage;
  method: string;
  url: URL;
  /** Path without the query, percent-decoded segment by segment. */
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  requestId: string;
  /** The origin clients should use in links (`nextLink`, `Azure-AsyncOperation`). */
  origin: string;
}

export async function readRequest(raw: IncomingMessage, origin: string): Promise<Req> {
  const chunks: Buffer[] = [];
  for await (const c of raw) chunks.push(c as Buffer);
  // ARM tolerates `//subscriptions/…` (SDKs join a leading-slash scope onto `/{scope}`); so must we.
  const url = new URL((raw.url ?? '/').replace(/^\/+/, '/'), origin);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  return {
    raw,
    method: (raw.method ?? 'GET').toUpperCase(),
    url,
    path,
    headers: raw.headers,
    body: Buffer.concat(chunks),
    requestId: randomUUID(),
    origin,
  };
}

export function jsonBody(req: Req): unknown {
  if (req.body.length === 0) return undefined;
  return JSON.parse(req.body.toString('utf8'));
}

export function formBody(req: Req): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

/** Query parameter lookup that ignores case, as ARM does for `api-version`, `$filter`, `$skipToken`. */
export function queryParam(req: Req, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of req.url.searchParams) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw text or HTML; used instead of `body` when set. */
  text?: string;
  contentType?: string;
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.text !== undefined) {
    payload = reply.text;
    headers['Content-Type'] ??= reply.contentType ?? 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  else if (reply.status !== 204 && reply.status !== 304) headers['Content-Length'] = '0';
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

export function html(status: number, text: string, headers?: Record<string, string>): Reply {
  return { status, text, contentType: 'text/html; charset=utf-8', headers: { 'Cache-Control': 'no-store', ...headers } };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function isLoopback(req: Req): boolean {
  const a = req.raw.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1' || a.startsWith('127.');
}

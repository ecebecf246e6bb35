/**
 * What the directory's endpoints share: the audiences and issuer its tokens carry, the state of sign-ins in progress
 * (authorization codes, refresh tokens), and Entra's error shapes (AADSTS codes in a JSON body, or an error page).
 */
import { createHash, randomUUID } from 'node:crypto';
import { escapeHtml, html, type Reply, type Req } from '../http';
import type { SigningKey } from '../jwt';
import type { Store } from '../store';
import { PICKER_CSS } from './pages';

/** What ARM accepts as its audience (the resource it is, under its two names). */
export const ARM_AUDIENCES = [
  'https://management.azure.com/',
  'https://management.azure.com',
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
] as const;
/** What Microsoft Graph accepts as its audience (its URL, or its app id in v1 tokens). */
export const GRAPH_AUDIENCES = ['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000'] as const;

/** v1 access tokens carry the STS issuer; it does not depend on the host name a client used. */
export function accessTokenIssuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  method?: string;
  nonce?: string;
  oid: string;
  scope: string;
  expMs: number;
}

export interface RefreshGrant {
  oid: string;
  clientId: string;
  expMs: number;
}

export interface EntraOptions {
  tokenLifetimeSeconds: number;
  nowMs: () => number;
}

/** The directory as every endpoint sees it: the estate, the signing key, the clock, and sign-ins in progress. */
export interface Directory {
  store: Store;
  key: SigningKey;
  opts: EntraOptions;
  codes: Map<string, AuthCode>;
  refreshTokens: Map<string, RefreshGrant>;
}

/** Origins of registered SPA redirect URIs may redeem codes cross-origin (Entra's SPA platform). */
export function corsOriginAllowed(d: Directory, origin: string | undefined): boolean {
  if (!origin) return false;
  return (d.store.estate.applications ?? []).some((a) => a.redirectUris.some((u) => safeOrigin(u) === origin));
}

export function tenantName(d: Directory): string {
  return d.store.estate.tenantDisplayName ?? 'Default Directory';
}

export function aadError(error: string, code: number, description: string) {
  return {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  };
}

export function errorPage(code: number, message: string): Reply {
  return html(
    400,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title><style>${PICKER_CSS}</style></head>
<body><main class="card"><div class="brand"><span class="logo" aria-hidden="true"><i></i><i></i><i></i><i></i></span><span>Microsoft Entra ID <small>· local emulator</small></span></div>
<h1>Sorry, but we're having trouble signing you in.</h1><p class="problem" role="alert">AADSTS${code}: ${escapeHtml(message)}</p></main></body></html>`,
  );
}

export function clientInfo(oid: string, tid: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
}

export function pairwise(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}|${clientId}`).digest('base64url').slice(0, 43);
}

export function readSession(req: Req): string | undefined {
  const cookie = req.headers.cookie ?? '';
  const m = cookie.match(/(?:^|;\s*)lockstep_emulator_session=([^;]+)/);
  return m?.[1];
}

export function safeOrigin(u: string): string | undefined {
  try {
    return new URL(u).origin;
  } catch {
    return undefined;
  }
}

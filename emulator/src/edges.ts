/**
 * What surrounds every answer, whatever the endpoint: CORS as ARM and Entra answer it, ARM's request-id headers, the
 * label a request is counted under, and the code and message of an injected fault.
 */
import { segments } from '../../lib/estate/ids';
import { classify } from './arm/router';
import type { Entra } from './entra';
import type { Reply, Req } from './http';

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
export function corsHeaders(origin: string | undefined, firstSegment: string, entra: Entra): Record<string, string> {
  if (!origin) return {};
  if (isArmPath(firstSegment)) return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': ARM_EXPOSED_HEADERS, Vary: 'Origin' };
  if (entra.corsOriginAllowed(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return {};
}

export function preflight(req: Req, entra: Entra): Reply {
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

export function armHeaders(req: Req): Record<string, string> {
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
export function routeLabel(req: Req): string {
  const segs = segments(req.path);
  const f = (segs[0] ?? '').toLowerCase();
  if (f !== 'subscriptions' && f !== 'providers' && f !== 'tenants') return `${req.method} entra ${segs.slice(1).join('/')}`;
  const r = classify(req.path);
  const type = 'type' in r ? ` ${r.type}` : '';
  return `${req.method} ${r.kind}${type}`;
}

export function defaultCode(status: number): string {
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

export function defaultMessage(status: number): string {
  if (status === 429)
    return 'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits';
  if (status >= 500) return 'The server encountered an internal error. Please retry the request.';
  return 'The request failed (injected by the emulator fault switchboard).';
}

export function first(url: string | undefined): string {
  return (url ?? '/').split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
}

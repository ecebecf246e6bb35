import { errorBodyFor } from './error-bodies';

/**
 * One error for everything ARM can do wrong, so the UI can say in words what it could not see or
 * do and why. ARM's messages are untrusted text: render them as text, never as HTML.
 */
export type ArmErrorKind =
  'auth' | 'forbidden' | 'not-found' | 'throttled' | 'server' | 'network' | 'malformed' | 'bad-request' | 'conflict' | 'sign-in' | 'unknown';

export class ArmError extends Error {
  override readonly name = 'ArmError';
  constructor(
    readonly kind: ArmErrorKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      requestId?: string;
      /** The action ARM says was denied (`Microsoft.Compute/diskEncryptionSets/write`). */
      deniedAction?: string;
      /** The scope it was denied on. */
      deniedScope?: string;
      retryAfterSeconds?: number;
      /** What Lockstep was doing ("list subscriptions"). */
      operation?: string;
    } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get code(): string | undefined {
    return this.details.code;
  }
}

interface RestErrorLike {
  request?: unknown;
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  details?: unknown;
  response?: { status?: number; headers?: { get(name: string): string | undefined }; bodyAsText?: string | null };
}

const DENIED = /perform action '([^']+)' over scope '([^']+)'/;

export function toArmError(e: unknown, operation?: string): ArmError {
  if (e instanceof ArmError) return operation && !e.details.operation ? new ArmError(e.kind, e.message, { ...e.details, operation }) : e;
  const err = (e ?? {}) as RestErrorLike;
  if (err.name === 'SignInRequiredError') return new ArmError('sign-in', err.message ?? 'Sign in again.', { operation });
  if (err.name === 'AbortError') return new ArmError('network', 'The request was cancelled.', { operation });
  const status = err.statusCode ?? err.response?.status;
  const requestId = err.response?.headers?.get('x-ms-request-id') ?? undefined;
  let code = typeof err.code === 'string' ? err.code : undefined;
  let message = err.message ?? String(e);
  const body = err.response?.bodyAsText ?? errorBodyFor(err.request);
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code === 'string') code = parsed.error.code;
      if (typeof parsed.error?.message === 'string') message = parsed.error.message;
    } catch {
      if (status && status < 400) return new ArmError('malformed', 'Azure sent a response that is not valid JSON.', { status, requestId, operation });
    }
  }
  const retryAfter = Number(err.response?.headers?.get('retry-after'));
  const denied = message.match(DENIED);
  const details = {
    status,
    code,
    requestId,
    operation,
    deniedAction: denied?.[1],
    deniedScope: denied?.[2],
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
  if (!status) {
    if (code === 'PARSE_ERROR' || e instanceof SyntaxError) return new ArmError('malformed', 'Azure sent a response that Lockstep could not read.', details);
    if (code === 'REQUEST_SEND_ERROR' || /fetch|network|ECONNRESET|socket|Failed to fetch/i.test(message)) return new ArmError('network', message, details);
    return new ArmError('unknown', message, details);
  }
  if (status === 401) return new ArmError('auth', message, details);
  if (status === 403) return new ArmError('forbidden', message, details);
  if (status === 404) return new ArmError('not-found', message, details);
  if (status === 409) return new ArmError('conflict', message, details);
  if (status === 429) return new ArmError('throttled', message, details);
  if (status >= 500) return new ArmError('server', message, details);
  if (status === 400) return new ArmError('bad-request', message, details);
  if (status < 400) return new ArmError('malformed', message, details);
  return new ArmError('unknown', message, details);
}

export interface Explanation {
  title: string;
  detail: string;
  /** What the user can do about it. */
  next?: string;
}

/** Turns an error into words a consultant or a CISO can act on. */
export function explainArmError(e: unknown): Explanation {
  const err = toArmError(e);
  const d = err.details;
  const what = d.operation ? `Lockstep could not ${d.operation}` : 'Lockstep could not complete the request';
  const ref = d.requestId ? ` (request id ${d.requestId})` : '';
  switch (err.kind) {
    case 'forbidden':
      return {
        title: 'Permission needed',
        detail: d.deniedAction
          ? `${what}: your account is not allowed to perform ${d.deniedAction} on ${d.deniedScope}${ref}.`
          : `${what}: Azure refused access${ref}. ${err.message}`,
        next: 'Ask an Owner or User Access Administrator of that scope for a role that includes this action, then refresh.',
      };
    case 'auth':
      return {
        title: 'Sign-in no longer accepted',
        detail: `${what}: Azure did not accept your access token (${d.code ?? 'HTTP 401'})${ref}. ${err.message}`,
        next: 'Sign out and sign in again.',
      };
    case 'sign-in':
      return { title: 'Sign in again', detail: err.message, next: 'You are being taken to the sign-in page.' };
    case 'not-found':
      return { title: 'Not found', detail: `${what}: ${err.message}${ref}`, next: 'It may have been deleted or moved; refresh to see the current state.' };
    case 'throttled':
      return {
        title: 'Azure is throttling requests',
        detail: `${what}: Azure Resource Manager asked Lockstep to slow down${d.retryAfterSeconds ? ` for ${d.retryAfterSeconds} s` : ''}, and the retries ran out${ref}.`,
        next: 'Wait a minute, then refresh. Other tools using the same account share this limit.',
      };
    case 'server':
      return {
        title: 'Azure had a problem',
        detail: `${what}: Azure answered ${d.status}${d.code ? ` ${d.code}` : ''}${ref}. ${err.message}`,
        next: 'This is usually temporary. Refresh in a moment.',
      };
    case 'network':
      return {
        title: 'Azure could not be reached',
        detail: `${what}: the connection failed or was dropped before Azure answered. ${err.message}`,
        next: 'Check your network connection, then refresh.',
      };
    case 'malformed':
      return {
        title: 'Unreadable answer from Azure',
        detail: `${what}: the response was not valid JSON${ref}.`,
        next: 'Refresh. If it persists, report the request id.',
      };
    case 'conflict':
      return { title: 'Conflict', detail: `${what}: ${err.message}${ref}` };
    case 'bad-request':
      return { title: 'Request refused', detail: `${what}: ${d.code ? `${d.code}: ` : ''}${err.message}${ref}` };
    default:
      return { title: 'Something went wrong', detail: `${what}: ${err.message}${ref}` };
  }
}

/**
 * ARM's error body for a failed request. Some SDK helpers (the modular clients' pagers) throw with
 * a generic message and drop ARM's `{"error":{"code","message"}}`; the factory's pipeline keeps
 * the body here, keyed by the request, so errors can still say what ARM said.
 */
const bodies = new WeakMap<object, string>();

export function rememberErrorBody(request: object, bodyAsText: string): void {
  bodies.set(request, bodyAsText);
}

export function errorBodyFor(request: unknown): string | undefined {
  return request && typeof request === 'object' ? bodies.get(request) : undefined;
}

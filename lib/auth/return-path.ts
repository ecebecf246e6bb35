/** Only same-site paths: a `state` that names another origin is ignored. */
export function safeReturnPath(state: string | undefined | null): string | undefined {
  if (!state || !state.startsWith('/') || state.startsWith('//')) return undefined;
  return state;
}

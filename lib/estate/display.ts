/**
 * Untrusted text, shown as it is. ARM strings (names, states, error messages) can carry Unicode's invisible controls:
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that reorder what a
 * reader sees ("U+202E gpj.exe" displays as "exe.jpg"), and zero-width characters (U+200B–U+200D, U+2060, U+FEFF)
 * that make two names look alike. Lockstep shows each as a visible token, `[U+202E]`, in the UI, the exports and the
 * report; ids keep their exact bytes, since they address the resource in ARM.
 */

const CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const HAS_CONTROL = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
/**
 * `[U+202E]` for each invisible control. A legitimate right-to-left name (Hebrew, Arabic) is left as it is: the UI
 * isolates every untrusted string (`unicode-bidi: isolate`, `<bdi>`) so it cannot reorder its neighbours.
 */
export function reveal(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`) : text;
}

/** Whether a string carries a control `reveal` would show. */
export function hasHiddenControls(text: string): boolean {
  return HAS_CONTROL.test(text);
}

/**
 * Fields that address resources (ids, URLs, scopes, hosts, group names) keep their exact text; everything else a person
 * reads is revealed. ARM's own names (vaults, keys, disk encryption sets) cannot hold these characters, so revealing
 * them changes only text that was hostile or broken to begin with.
 */
const EXACT = /(^id$|Id$|Ids$|^ids$|Url$|^url$|^host$|^scope$|^notScopes$|^allowedEncryptionSets$|^resourceGroup$|^raw$)/;

/**
 * Reveals every display string in a normalised value in place (objects, arrays and map values), and returns it.
 * Cheap when there is nothing to reveal: one regular-expression test per string.
 */
export function revealAll<T>(value: T): T {
  walk(value, 0);
  return value;
}

function walk(v: unknown, depth: number): void {
  if (depth > 12 || v === null || typeof v !== 'object') return;
  if (v instanceof Map) {
    for (const [k, x] of v) {
      if (typeof x === 'string') v.set(k, reveal(x));
      else walk(x, depth + 1);
    }
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string') v[i] = reveal(x);
      else walk(x, depth + 1);
    }
    return;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (EXACT.test(k)) continue;
    const x = o[k];
    if (typeof x === 'string') {
      const shown = reveal(x);
      if (shown !== x) o[k] = shown;
    } else walk(x, depth + 1);
  }
}

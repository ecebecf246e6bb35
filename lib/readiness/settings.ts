/**
 * Engagement settings (DESIGN §5): one table of fields for every place they cross a boundary. The CLI reads a settings
 * file strictly (a bad or unknown field stops it, naming the field); the browser reads what it stored leniently (a
 * field that is unusable falls back to its default, never to a silent zero). The defaults are the table's.
 *
 * Three fields do not need a schema library: this table is the schema, and every page loads it (zod/mini added 24 kB
 * gzip to each page's first load for it).
 */
import type { Problem } from '../estate/problem';

export interface Settings {
  /** Warn this many days before a key expires. */
  expiryWarningDays: number;
  /** RSA keys below this size are flagged (low). */
  minimumRsaKeySize: 2048 | 3072 | 4096;
  /** Whether every DES must use double encryption (platform + customer keys). */
  requireDoubleEncryption: boolean;
}

interface Field<T> {
  fallback: T;
  accepts(v: unknown): v is T;
  message: string;
}

const FIELDS: { [K in keyof Settings]: Field<Settings[K]> } = {
  expiryWarningDays: {
    fallback: 30,
    accepts: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365,
    message: 'must be a whole number of days from 0 to 365',
  },
  minimumRsaKeySize: {
    fallback: 3072,
    accepts: (v): v is 2048 | 3072 | 4096 => v === 2048 || v === 3072 || v === 4096,
    message: 'must be 2048, 3072 or 4096 bits',
  },
  requireDoubleEncryption: {
    fallback: false,
    accepts: (v): v is boolean => typeof v === 'boolean',
    message: 'must be true or false',
  },
};
const KEYS = Object.keys(FIELDS) as (keyof Settings)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each field as given when it is usable, else its default. */
function lenient(json: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) out[k] = FIELDS[k].accepts(json[k]) ? json[k] : FIELDS[k].fallback;
  return out as unknown as Settings;
}

export const DEFAULT_SETTINGS: Settings = lenient({});

/** Strict: the settings, or one problem per bad field (`minimumRsaKeySize: must be 2048, 3072 or 4096 bits`). */
export function checkSettings(json: unknown): { ok: true; settings: Settings } | { ok: false; problems: Problem[] } {
  if (!isObject(json)) return { ok: false, problems: [{ path: '$', message: 'must be an object' }] };
  const problems: Problem[] = [];
  for (const k of KEYS) if (json[k] !== undefined && !FIELDS[k].accepts(json[k])) problems.push({ path: k, message: FIELDS[k].message });
  const unknown = Object.keys(json).filter((k) => !(KEYS as string[]).includes(k));
  if (unknown.length > 0) problems.push({ path: unknown.join(', '), message: `is not a setting (known: ${KEYS.join(', ')})` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: lenient(json) };
}

/**
 * What the browser stored, read for browserStore: each unusable field falls back to its default; a value that is not
 * an object is not settings at all (the store then reads its fallback, the defaults).
 */
export const storedSettingsSchema = {
  safeParse(v: unknown): { success: true; data: Settings } | { success: false } {
    return isObject(v) ? { success: true, data: lenient(v) } : { success: false };
  },
};

/** Where the browser keeps them (localStorage, this browser only). */
export const SETTINGS_STORAGE_KEY = 'lockstep.settings';

/** Lenient, for what a browser stored (the same reading the browser's settings store makes): never throws. */
export function parseSettings(text: string | null | undefined): Settings {
  if (!text) return DEFAULT_SETTINGS;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const r = storedSettingsSchema.safeParse(json);
  return r.success ? r.data : DEFAULT_SETTINGS;
}

/**
 * Engagement settings (DESIGN §5): one schema for every place they cross a boundary. The CLI reads a settings file
 * strictly (a bad or unknown field stops it, naming the field); the browser reads what it stored leniently (a field
 * that is unusable falls back to its default, never to a silent zero). The defaults are the schema's.
 */
import * as z from 'zod/mini';
import type { Problem } from '../estate/problem';

const days = z
  .int('must be a whole number of days from 0 to 365')
  .check(z.minimum(0, 'must be a whole number of days from 0 to 365'), z.maximum(365, 'must be a whole number of days from 0 to 365'));
const rsaSize = z.literal([2048, 3072, 4096], 'must be 2048, 3072 or 4096 bits');
const flag = z.boolean('must be true or false');

const DEFAULTS = { expiryWarningDays: 30, minimumRsaKeySize: 3072 as const, requireDoubleEncryption: false };

export const settingsSchema = z.strictObject({
  /** Warn this many days before a key expires. */
  expiryWarningDays: z._default(days, DEFAULTS.expiryWarningDays),
  /** RSA keys below this size are flagged (low). */
  minimumRsaKeySize: z._default(rsaSize, DEFAULTS.minimumRsaKeySize),
  /** Whether every DES must use double encryption (platform + customer keys). */
  requireDoubleEncryption: z._default(flag, DEFAULTS.requireDoubleEncryption),
});

/** What the browser stored: each unusable field falls back to its default. */
export const storedSettingsSchema = z.object({
  expiryWarningDays: z.catch(z._default(days, DEFAULTS.expiryWarningDays), DEFAULTS.expiryWarningDays),
  minimumRsaKeySize: z.catch(z._default(rsaSize, DEFAULTS.minimumRsaKeySize), DEFAULTS.minimumRsaKeySize),
  requireDoubleEncryption: z.catch(z._default(flag, DEFAULTS.requireDoubleEncryption), DEFAULTS.requireDoubleEncryption),
});

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Strict: the settings, or one problem per bad field (`minimumRsaKeySize: must be 2048, 3072 or 4096 bits`). */
export function checkSettings(json: unknown): { ok: true; settings: Settings } | { ok: false; problems: Problem[] } {
  const r = settingsSchema.safeParse(json);
  if (r.success) return { ok: true, settings: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? { path: i.keys.join(', '), message: `is not a setting (known: ${Object.keys(DEFAULTS).join(', ')})` }
        : { path: i.path.join('.') || '$', message: i.path.length === 0 ? 'must be an object' : i.message },
    ),
  };
}

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

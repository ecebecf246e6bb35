/**
 * Engagement settings (DESIGN §5), parsed from what a browser stored. Pure: the caller reads and
 * writes storage. Anything unusable falls back to the default, never to a silent zero.
 */
import { DEFAULT_SETTINGS, type Settings } from './types';

export const SETTINGS_STORAGE_KEY = 'lockstep.settings';

export function parseSettings(text: string | null | undefined): Settings {
  if (!text) return DEFAULT_SETTINGS;
  let json: Partial<Record<keyof Settings, unknown>>;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return DEFAULT_SETTINGS;
  }
  const days = json.expiryWarningDays;
  const size = json.minimumRsaKeySize;
  return {
    expiryWarningDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 365 ? days : DEFAULT_SETTINGS.expiryWarningDays,
    minimumRsaKeySize: size === 2048 || size === 3072 || size === 4096 ? size : DEFAULT_SETTINGS.minimumRsaKeySize,
    requireDoubleEncryption: typeof json.requireDoubleEncryption === 'boolean' ? json.requireDoubleEncryption : DEFAULT_SETTINGS.requireDoubleEncryption,
  };
}

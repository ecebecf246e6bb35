'use client';

import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, storedSettingsSchema, type Settings } from '../readiness/settings';
import { browserStore } from './browser-store';

/** Each unusable field falls back to its default (the schema's `.catch`); text that is not an object reads as the defaults. */
const settingsStore = browserStore<Settings>(SETTINGS_STORAGE_KEY, storedSettingsSchema, {
  storage: 'local',
  fallback: DEFAULT_SETTINGS,
  serverValue: DEFAULT_SETTINGS,
});

/** The engagement's settings, remembered in this browser; every verdict on every page uses them. */
export function useEngagementSettings(): Settings {
  return settingsStore.use();
}

export function saveEngagementSettings(s: Settings): void {
  settingsStore.set(s);
}

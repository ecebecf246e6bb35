'use client';

import { useSyncExternalStore } from 'react';
import { parseSettings, SETTINGS_STORAGE_KEY } from '../readiness/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../readiness/types';

const listeners = new Set<() => void>();
let cachedText: string | null | undefined;
let cached: Settings = DEFAULT_SETTINGS;

function read(): Settings {
  const text = window.localStorage.getItem(SETTINGS_STORAGE_KEY);
  if (text !== cachedText) {
    cachedText = text;
    cached = parseSettings(text);
  }
  return cached;
}

/** The engagement's settings, remembered in this browser; every verdict on every page uses them. */
export function useEngagementSettings(): Settings {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      window.addEventListener('storage', l);
      return () => {
        listeners.delete(l);
        window.removeEventListener('storage', l);
      };
    },
    read,
    () => DEFAULT_SETTINGS,
  );
}

export function saveEngagementSettings(s: Settings): void {
  window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(s));
  for (const l of listeners) l();
}

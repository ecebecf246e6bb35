'use client';

import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';

export type ThemeName = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'lockstep.theme';

const ThemeContext = createContext<{ theme: ThemeName; setTheme: (t: ThemeName) => void }>({ theme: 'light', setTheme: () => undefined });

const CHANGED = 'lockstep-theme-changed';

function storedTheme(): ThemeName {
  const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light or dark, remembered per browser (localStorage holds only this choice, never a token). */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const theme = useSyncExternalStore(subscribe, storedTheme, () => 'light' as const);
  const setTheme = useCallback((t: ThemeName) => {
    window.localStorage.setItem(THEME_STORAGE_KEY, t);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <ThemeContext.Provider value={{ theme, setTheme }}>
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
        {children}
      </FluentProvider>
    </ThemeContext.Provider>
  );
}

/** Follows this tab's choice, other tabs' choices (storage events) and the system setting. */
function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  media?.addEventListener('change', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
    media?.removeEventListener('change', onChange);
  };
}

export function useTheme() {
  return useContext(ThemeContext);
}

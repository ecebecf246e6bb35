'use client';

import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { browserStore } from '@/lib/queries/browser-store';

export type ThemeName = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'lockstep.theme';

const ThemeContext = createContext<{ theme: ThemeName; setTheme: (t: ThemeName) => void }>({ theme: 'light', setTheme: () => undefined });

/** Light or dark, and nothing else (a two-value schema; zod stays off the signed-out page). */
const THEME_SCHEMA = {
  safeParse: (v: unknown) => (v === 'light' || v === 'dark' ? { success: true as const, data: v as ThemeName } : { success: false as const }),
};

const systemTheme = (): ThemeName => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

/** The choice as stored (plain text, as app/layout.tsx's boot script reads it before React starts), else the system's. */
const themeStore = browserStore<ThemeName>(THEME_STORAGE_KEY, THEME_SCHEMA, {
  storage: 'local',
  codec: { encode: (t) => t, decode: (text) => text },
  fallback: systemTheme,
  serverValue: 'light',
  alsoSubscribe: (onChange) => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', onChange);
    return () => media?.removeEventListener('change', onChange);
  },
});

/** Light or dark, remembered per browser (localStorage holds only this choice, never a token). */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const theme = themeStore.use();
  const setTheme = useCallback((t: ThemeName) => themeStore.set(t), []);
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

export function useTheme() {
  return useContext(ThemeContext);
}

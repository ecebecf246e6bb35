'use client';

import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

export type ThemeName = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'lockstep.theme';

const ThemeContext = createContext<{ theme: ThemeName; setTheme: (t: ThemeName) => void }>({ theme: 'light', setTheme: () => undefined });

function initialTheme(): ThemeName {
  if (typeof window === 'undefined') return 'light';
  const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light or dark, remembered per browser (localStorage holds only this choice, never a token). */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<ThemeName>('light');
  useEffect(() => setThemeState(initialTheme()), []);
  const setTheme = useCallback((t: ThemeName) => {
    setThemeState(t);
    window.localStorage.setItem(THEME_STORAGE_KEY, t);
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

export function useTheme() {
  return useContext(ThemeContext);
}

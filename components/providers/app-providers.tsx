'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { configFromBuild, type LockstepConfig } from '@/lib/auth/config-values';
import type { MsalStart } from '@/lib/auth/msal-instance';
import { ConfigErrorPage } from '../common/config-error-page';
import { StartupSplash } from '../common/startup-splash';
import { FluentRenderer } from './fluent-renderer';
import { ThemeProvider } from './theme-provider';

/** Everything a page needs: styles, theme, validated configuration, sign-in, ARM clients, queries. */
export function AppProviders({ children }: { children: ReactNode }) {
  const result = useMemo(() => configFromBuild(), []);
  return (
    <FluentRenderer>
      <ThemeProvider>
        {result.ok ? <MsalAndArmBoundary config={result.config}>{children}</MsalAndArmBoundary> : <ConfigErrorPage problems={result.problems} />}
      </ThemeProvider>
    </FluentRenderer>
  );
}

type Loaded = { Providers: typeof import('./msal-arm-providers').MsalArmProviders; msal: MsalStart };

/**
 * Starts MSAL, then gives the app its config, sign-in, ARM clients and query cache: signed-in and signed-out pages
 * alike. MSAL, the ARM pipeline and the query client are fetched here, after the splash has painted.
 */
function MsalAndArmBoundary({ config, children }: { config: LockstepConfig; children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded | { error: Error }>();
  useEffect(() => {
    let live = true;
    import('./msal-arm-providers')
      .then(async (m) => ({ Providers: m.MsalArmProviders, msal: await m.startMsal(config) }))
      .then(
        (l) => live && setLoaded(l),
        (error: Error) => live && setLoaded({ error }),
      );
    return () => {
      live = false;
    };
  }, [config]);
  if (!loaded) return <StartupSplash />;
  if ('error' in loaded) return <StartupSplash error={`Sign-in could not start: ${loaded.error.message}`} />;
  const { Providers, msal } = loaded;
  return (
    <Providers config={config} msal={msal}>
      {children}
    </Providers>
  );
}

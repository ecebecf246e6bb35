'use client';

import { MsalProvider } from '@azure/msal-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { configFromBuild, type LockstepConfig } from '@/lib/auth/config-values';
import { startMsal, type MsalStart } from '@/lib/auth/msal-instance';
import { ArmProvider } from '@/lib/queries/arm-provider';
import { makeQueryClient } from '@/lib/queries/query-client';
import { ConfigErrorPage } from '../common/config-error-page';
import { StartupSplash } from '../common/startup-splash';
import { ConfigContext } from './config-context';
import { FluentRenderer } from './fluent-renderer';
import { ThemeProvider } from './theme-provider';
import { ReturnToContext } from './return-to';

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

/** Starts MSAL, then gives the app its config, sign-in, ARM clients and query cache: signed-in and signed-out pages alike. */
function MsalAndArmBoundary({ config, children }: { config: LockstepConfig; children: ReactNode }) {
  const [msal, setMsal] = useState<MsalStart | { error: Error }>();
  const [queryClient] = useState(makeQueryClient);
  useEffect(() => {
    startMsal(config).then(setMsal, (error: Error) => setMsal({ error }));
  }, [config]);
  if (!msal) return <StartupSplash />;
  if ('error' in msal) return <StartupSplash error={`Sign-in could not start: ${msal.error.message}`} />;
  return (
    <ConfigContext.Provider value={config}>
      <ReturnToContext.Provider value={msal.returnTo}>
        <MsalProvider instance={msal.pca}>
          <ArmProvider pca={msal.pca} config={config}>
            <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
          </ArmProvider>
        </MsalProvider>
      </ReturnToContext.Provider>
    </ConfigContext.Provider>
  );
}

'use client';

import { InteractionStatus } from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import type { LockstepConfig } from '@/lib/auth/config-values';
import type { MsalStart } from '@/lib/auth/msal-instance';
import { ArmProvider } from '@/lib/queries/arm-provider';
import { makeQueryClient } from '@/lib/queries/query-client';
import { ConfigContext } from './config-context';
import { ReturnToContext } from './return-to';
import { SessionContext, type Session } from '@/lib/auth/session-context';

export { startMsal } from '@/lib/auth/msal-instance';

/**
 * Sign-in, ARM clients and the query cache, once MSAL has started. Loaded by AppProviders after the first paint, so
 * MSAL and the ARM pipeline are not part of any page's first-load JavaScript.
 */
export function MsalArmProviders({ config, msal, children }: { config: LockstepConfig; msal: MsalStart; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ConfigContext.Provider value={config}>
      <ReturnToContext.Provider value={msal.returnTo}>
        <MsalProvider instance={msal.pca}>
          <SessionBridge>
            <ArmProvider pca={msal.pca} config={config}>
              <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
            </ArmProvider>
          </SessionBridge>
        </MsalProvider>
      </ReturnToContext.Provider>
    </ConfigContext.Provider>
  );
}

function SessionBridge({ children }: { children: ReactNode }) {
  const { instance, inProgress, accounts } = useMsal();
  const value = useMemo<Session>(
    () => ({
      accounts,
      account: instance.getActiveAccount() ?? accounts[0],
      busy: inProgress !== InteractionStatus.None,
      loginRedirect: (request) => instance.loginRedirect(request),
      logoutRedirect: (request) => instance.logoutRedirect(request),
    }),
    [instance, inProgress, accounts],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

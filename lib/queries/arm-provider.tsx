'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { PublicClientApplication } from '@azure/msal-browser';
import type { LockstepConfig } from '../auth/config';
import { MsalTokenSource } from '../auth/msal-token-source';
import { createArmClientFactory, type ArmClientFactory } from '../azure/client-factory';

const ArmContext = createContext<ArmClientFactory | undefined>(undefined);

/** Gives queries the ARM client factory for the signed-in user and the configured cloud. */
export function ArmProvider({ pca, config, children }: { pca: PublicClientApplication; config: LockstepConfig; children: ReactNode }) {
  const factory = useMemo(
    () => createArmClientFactory({ cloud: config.cloud, tokens: new MsalTokenSource(pca, config.cloud.armScope) }),
    [pca, config],
  );
  return <ArmContext.Provider value={factory}>{children}</ArmContext.Provider>;
}

export function useArm(): ArmClientFactory {
  const f = useContext(ArmContext);
  if (!f) throw new Error('useArm must be used inside <ArmProvider>.');
  return f;
}

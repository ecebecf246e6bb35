'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { PublicClientApplication } from '@azure/msal-browser';
import type { LockstepConfig } from '../auth/config';
import { MsalTokenSource } from '../auth/msal-token-source';
import type { TokenSource } from '../auth/token-source';
import { createArmClientFactory, type ArmClientFactory, type ArmTarget } from '../azure/client-factory';
import type { GraphTarget } from '../azure/graph';

interface ArmContextValue {
  factory: ArmClientFactory;
  target: { cloud: ArmTarget; tokens: TokenSource; graph: GraphTarget };
}

const ArmContext = createContext<ArmContextValue | undefined>(undefined);

/** Gives queries the ARM client factory for the signed-in user and the configured cloud. */
export function ArmProvider({ pca, config, children }: { pca: PublicClientApplication; config: LockstepConfig; children: ReactNode }) {
  const value = useMemo(() => {
    const tokens = new MsalTokenSource(pca, config.cloud.armScope);
    const graph: GraphTarget = {
      endpoint: config.cloud.graphEndpoint,
      tokens: new MsalTokenSource(pca, config.cloud.graphScope, false),
      allowInsecure: config.cloud.allowInsecure,
    };
    return { factory: createArmClientFactory({ cloud: config.cloud, tokens }), target: { cloud: config.cloud, tokens, graph } };
  }, [pca, config]);
  return <ArmContext.Provider value={value}>{children}</ArmContext.Provider>;
}

function useArmContext(): ArmContextValue {
  const v = useContext(ArmContext);
  if (!v) throw new Error('ARM hooks must be used inside <ArmProvider>.');
  return v;
}

export function useArm(): ArmClientFactory {
  return useArmContext().factory;
}

/** The cloud and token source, for work that builds its own clients (the inventory). */
export function useArmTarget() {
  return useArmContext().target;
}

'use client';

import { useMemo, type ReactNode } from 'react';
import type { PublicClientApplication } from '@azure/msal-browser';
import type { LockstepConfig } from '../auth/config';
import { MsalTokenSource } from '../auth/msal-token-source';
import { createArmClientFactory } from '../azure/client-factory';
import type { GraphTarget } from '../azure/graph';
import { ArmContext } from './arm-context';

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

'use client';

import { createContext, useContext } from 'react';
import type { TokenSource } from '../auth/token-source';
import type { ArmClientFactory, ArmTarget } from '../azure/client-factory';
import type { GraphTarget } from '../azure/graph';

/**
 * What the ARM hooks read. The context alone, with no SDK or MSAL code: pages import these hooks, while the provider
 * that fills the context (arm-provider.tsx, with MSAL and the ARM pipeline) loads after the first paint.
 */
export interface ArmContextValue {
  factory: ArmClientFactory;
  target: { cloud: ArmTarget; tokens: TokenSource; graph: GraphTarget };
}

export const ArmContext = createContext<ArmContextValue | undefined>(undefined);

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

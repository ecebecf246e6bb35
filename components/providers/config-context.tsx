'use client';

import { createContext, useContext } from 'react';
import type { LockstepConfig } from '@/lib/auth/config-values';

export const ConfigContext = createContext<LockstepConfig | undefined>(undefined);

export function useLockstepConfig(): LockstepConfig {
  const c = useContext(ConfigContext);
  if (!c) throw new Error('useLockstepConfig must be used inside <AppProviders>.');
  return c;
}

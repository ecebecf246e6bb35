'use client';

import { useQuery } from '@tanstack/react-query';
import { sha256Hex } from '../compliance/sha256';
import type { Estate } from '../estate/model';
import type { Plan } from '../provisioning/plan';
import { useArm } from './arm-provider';

/** The preflight of a plan (permissions and name checks; nothing is written), once per plan. */
export function usePreflight(plan: Plan | undefined, estate: Estate) {
  const arm = useArm();
  return useQuery({
    queryKey: ['preflight', plan ? sha256Hex(JSON.stringify(plan)) : 'none'],
    enabled: !!plan,
    staleTime: 60_000,
    queryFn: async () => {
      const { preflight } = await import('../provisioning/preflight');
      return preflight(plan!, arm, estate);
    },
  });
}

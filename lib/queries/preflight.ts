'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClientFactory } from '../azure/client-factory';
import { sha256Hex } from '../compliance/sha256';
import type { Estate } from '../estate/model';
import type { Plan } from '../provisioning/steps';
import { useArm } from './arm-provider';

export const preflightKeys = {
  all: ['preflight'] as const,
  /** One entry per plan, by its content: an edited plan is checked again, the same plan is not. */
  of: (plan: Plan | undefined) => [...preflightKeys.all, plan ? sha256Hex(JSON.stringify(plan)) : 'none'] as const,
};

/** The preflight of a plan (permissions and name checks; nothing is written), once per plan. */
export function preflightQuery(arm: ArmClientFactory, plan: Plan | undefined, estate: Estate) {
  return queryOptions({
    queryKey: preflightKeys.of(plan),
    enabled: !!plan,
    staleTime: 60_000,
    queryFn: async () => {
      const { preflight } = await import('../provisioning/preflight');
      return preflight(plan!, arm, estate);
    },
  });
}

export function usePreflight(plan: Plan | undefined, estate: Estate) {
  return useQuery(preflightQuery(useArm(), plan, estate));
}

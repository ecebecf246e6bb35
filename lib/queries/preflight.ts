'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClientFactory } from '../azure/client-factory';
import { sha256Hex } from '../compliance/sha256';
import type { Estate, ReplicatingServer } from '../estate/model';
import type { Plan } from '../provisioning/steps';
import { useArm } from './arm-context';
import { useSignedInObjectId } from './write-access';

export const preflightKeys = {
  all: ['preflight'] as const,
  /** One entry per plan, by its content: an edited plan is checked again, the same plan is not. */
  of: (plan: Plan | undefined, serverIds: string[] = []) =>
    [...preflightKeys.all, plan ? sha256Hex(JSON.stringify(plan)) : 'none', ...serverIds.map((id) => id.toLowerCase()).sort()] as const,
};

/** The preflight of a plan (permissions and name checks; nothing is written), once per plan. */
export function preflightQuery(arm: ArmClientFactory, plan: Plan | undefined, estate: Estate, servers: ReplicatingServer[] = [], principalId?: string) {
  return queryOptions({
    queryKey: preflightKeys.of(
      plan,
      servers.map((s) => s.id),
    ),
    enabled: !!plan,
    staleTime: 60_000,
    queryFn: async () => {
      const { preflight } = await import('../provisioning/preflight');
      return preflight(plan!, arm, estate, servers, principalId);
    },
  });
}

/** `servers`: those the plan's DES is for, whose disks Azure Policy may refuse under it. */
export function usePreflight(plan: Plan | undefined, estate: Estate, servers: ReplicatingServer[] = []) {
  return useQuery(preflightQuery(useArm(), plan, estate, servers, useSignedInObjectId()));
}

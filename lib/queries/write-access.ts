'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClientFactory } from '../azure/client-factory';
import { useArm } from './arm-context';
import { useOfflineEstate } from './estate';
import { subscriptionsQuery } from './subscriptions';
import { useSession } from '../auth/session-context';

/**
 * The action re-enabling replication needs (on the Azure Migrate project's vault). Here, beside the hook that asks for
 * it, so the pages that offer re-replication do not load the planner for one string.
 */
export const REENABLE_ACTION = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems/write';

export const writeAccessKeys = {
  all: ['write-access'] as const,
  of: (oid: string | undefined, subscriptionIds: string[], action: string) => [...writeAccessKeys.all, oid, action, subscriptionIds.join(',')] as const,
};

/**
 * Which of these subscriptions the user (object id) may perform `action` somewhere in (creating disk encryption sets unless
 * said): their role assignments and role definitions, read per subscription.
 */
export function writeAccessQuery(arm: ArmClientFactory, oid: string | undefined, subscriptionIds: string[], action?: string) {
  return queryOptions({
    queryKey: writeAccessKeys.of(oid, subscriptionIds, action ?? 'Microsoft.Compute/diskEncryptionSets/write'),
    staleTime: 10 * 60_000,
    queryFn: async () => {
      const { writableSubscriptions } = await import('../azure/permissions');
      return writableSubscriptions(arm, subscriptionIds, oid!, action);
    },
  });
}

/** The signed-in user's object id (the id token's `oid`): what their role assignments name. */
export function useSignedInObjectId(): string | undefined {
  const { account } = useSession();
  return (account?.idTokenClaims?.oid as string | undefined) ?? account?.localAccountId;
}

/**
 * Where the signed-in user may create disk encryption sets. Entry points to the wizard and the
 * fix-its show only where this allows (a CISO with Reader sees none); ARM still decides each write.
 * An estate opened from a file offers no writes.
 */
export function useWriteAccess(action?: string) {
  const arm = useArm();
  const offline = useOfflineEstate();
  const oid = useSignedInObjectId();
  const subs = useQuery({ ...subscriptionsQuery(arm), enabled: !offline && !!oid });
  const ids = (subs.data ?? []).map((s) => s.subscriptionId).filter(Boolean);
  const q = useQuery({ ...writeAccessQuery(arm, oid, ids, action), enabled: !offline && !!oid && ids.length > 0 });
  const writable = new Set((q.data ?? []).map((s) => s.toLowerCase()));
  return {
    /** True once known and the user may write in that subscription. */
    canWrite: (subscriptionId: string | undefined) => !offline && !!subscriptionId && writable.has(subscriptionId.toLowerCase()),
    any: !offline && writable.size > 0,
    writable: [...writable],
    isPending: q.isPending && !offline,
  };
}

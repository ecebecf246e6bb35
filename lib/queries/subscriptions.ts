import { queryOptions } from '@tanstack/react-query';
import type { ArmClientFactory } from '../azure/client-factory';
import { listSubscriptions, listTenants } from '../azure/subscriptions';

export const directoryKeys = {
  all: ['directory'] as const,
  subscriptions: () => [...directoryKeys.all, 'subscriptions'] as const,
  tenants: () => [...directoryKeys.all, 'tenants'] as const,
};

export interface SubscriptionRow {
  id: string;
  subscriptionId: string;
  displayName: string;
  state: string;
  tenantId: string;
  quotaId?: string;
}

export function subscriptionsQuery(factory: ArmClientFactory) {
  return queryOptions({
    queryKey: directoryKeys.subscriptions(),
    queryFn: async (): Promise<SubscriptionRow[]> => {
      const subs = await listSubscriptions(factory);
      return subs
        .map((s) => ({
          id: s.id ?? `/subscriptions/${s.subscriptionId}`,
          subscriptionId: s.subscriptionId ?? '',
          displayName: s.displayName ?? s.subscriptionId ?? '(unnamed subscription)',
          state: s.state ?? 'Unknown',
          tenantId: s.tenantId ?? '',
          quotaId: s.subscriptionPolicies?.quotaId,
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
  });
}

export interface Directory {
  tenantId: string;
  displayName: string;
  defaultDomain?: string;
}

export function directoryQuery(factory: ArmClientFactory, homeTenantId: string | undefined) {
  return queryOptions({
    queryKey: directoryKeys.tenants(),
    queryFn: async (): Promise<Directory | undefined> => {
      const tenants = await listTenants(factory);
      const home = tenants.find((t) => t.tenantId === homeTenantId) ?? tenants[0];
      if (!home?.tenantId) return undefined;
      return { tenantId: home.tenantId, displayName: home.displayName ?? home.defaultDomain ?? home.tenantId, defaultDomain: home.defaultDomain };
    },
    staleTime: 10 * 60_000,
  });
}

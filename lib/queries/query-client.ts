import { QueryClient } from '@tanstack/react-query';
import { toArmError } from '../azure/errors';

/**
 * One QueryClient per tab. The SDK pipeline already retries 429/5xx with Retry-After, so the
 * query layer retries only what the pipeline gave up on for transient reasons, and never a 4xx
 * other than 408/429.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 30 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const e = toArmError(error);
          if (
            e.kind === 'sign-in' ||
            e.kind === 'auth' ||
            e.kind === 'forbidden' ||
            e.kind === 'not-found' ||
            e.kind === 'bad-request' ||
            e.kind === 'conflict'
          )
            return false;
          if (e.status && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) return false;
          return failureCount < 1;
        },
        retryDelay: (attempt, error) => {
          const after = toArmError(error).details.retryAfterSeconds;
          return after ? after * 1000 : Math.min(1000 * 2 ** attempt, 10_000);
        },
      },
    },
  });
}

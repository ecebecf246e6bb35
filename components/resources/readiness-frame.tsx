'use client';

import { Field, ProgressBar, Skeleton, SkeletonItem } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { InventoryProgress } from '@/lib/azure/inventory';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { ArmErrorBar } from '../common/arm-error-bar';

/** Progress while the estate is read, the error in words if it fails, then the page. */
export function ReadinessFrame({ children }: { children: (r: Readiness) => ReactNode }) {
  const { readiness, progress, isFetching, isError, error, refetch } = useReadiness();
  return (
    <>
      {isFetching && <ReadingProgress progress={progress} />}
      {isError && <ArmErrorBar error={error} onRetry={() => void refetch()} />}
      {!readiness && isFetching && (
        <Skeleton aria-label="Loading">
          {[0, 1, 2, 3].map((i) => (
            <SkeletonItem key={i} size={32} style={{ marginBottom: 6 }} />
          ))}
        </Skeleton>
      )}
      {readiness && children(readiness)}
    </>
  );
}

/** "Reading 3 of 5 subscriptions…" with a bar. */
export function ReadingProgress({ progress }: { progress: InventoryProgress | undefined }) {
  const known = progress && progress.subscriptionsTotal > 0;
  return (
    <Field
      validationState="none"
      validationMessage={known ? `Reading ${Math.min(progress.subscriptionsDone + 1, progress.subscriptionsTotal)} of ${progress.subscriptionsTotal} subscriptions… ${progress.requests} requests, ${progress.resources} resources` : 'Reading your subscriptions…'}
    >
      <ProgressBar aria-label="Reading Azure" value={known ? progress.subscriptionsDone / progress.subscriptionsTotal : undefined} />
    </Field>
  );
}

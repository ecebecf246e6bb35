'use client';

import { ProgressBar, Skeleton, SkeletonItem } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { InventoryProgress, StepProgress } from '@/lib/queries/estate';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { ArmErrorBar } from '../common/arm-error-bar';
import { Labelled } from '../common/labelled';

/** Progress while the estate is read, the error in words if it fails, then the page. */
export function ReadinessFrame({ children }: { children: (r: Readiness) => ReactNode }) {
  const { readiness, progress, judging, isFetching, isError, error, refetch } = useReadiness();
  return (
    <>
      {isFetching && <ReadingProgress progress={progress} judging={judging} />}
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

const n = (x: number) => x.toLocaleString('en-US');

/**
 * "Reading 3 of 5 subscriptions…", then "Reading disk details: 3,400 of 10,000 servers…", with a bar; once read,
 * "Judging servers: 3,400 of 10,000…" while the rules run.
 */
export function ReadingProgress({ progress, judging }: { progress: InventoryProgress | undefined; judging?: StepProgress }) {
  if (!progress && judging) {
    return (
      <Labelled label="Checking readiness" message={`${judging.phase}: ${n(judging.done)} of ${n(judging.total)}…`}>
        <ProgressBar value={judging.total > 0 ? judging.done / judging.total : undefined} />
      </Labelled>
    );
  }
  const known = progress && progress.subscriptionsTotal > 0;
  const d = progress?.details;
  // ARM's lists leave each server's disks out: once they are listed, the GETs of their details are the long part.
  const details = d && d.total > 0 && d.done < d.total ? d : undefined;
  const message = details
    ? `Reading disk details: ${n(details.done)} of ${n(details.total)} servers… ${n(progress!.requests)} requests`
    : known
      ? `Reading ${Math.min(progress.subscriptionsDone + 1, progress.subscriptionsTotal)} of ${progress.subscriptionsTotal} subscriptions… ${n(progress.requests)} requests, ${n(progress.resources)} resources`
      : 'Reading your subscriptions…';
  return (
    // The label names the bar; the message says how far the reading is.
    <Labelled label="Reading Azure" message={message}>
      <ProgressBar value={details ? details.done / details.total : known ? progress.subscriptionsDone / progress.subscriptionsTotal : undefined} />
    </Labelled>
  );
}

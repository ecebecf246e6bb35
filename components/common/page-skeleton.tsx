'use client';

import { Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';

/** Shaped like a portal page: title, command bar, a panel and rows. */
export function PageSkeleton() {
  return (
    <Skeleton aria-label="Loading page" style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM }}>
      <SkeletonItem size={32} style={{ width: '40%' }} />
      <SkeletonItem size={24} style={{ width: '30%' }} />
      <SkeletonItem size={120} />
      {[0, 1, 2, 3].map((i) => (
        <SkeletonItem key={i} size={28} />
      ))}
    </Skeleton>
  );
}

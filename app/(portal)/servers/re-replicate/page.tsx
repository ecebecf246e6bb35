import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ReenablePage } from '@/components/setup/lazy-pages';

export const metadata: Metadata = { title: 'Re-replicate with a disk encryption set' };

export default function Page() {
  return (
    <Suspense>
      <ReenablePage />
    </Suspense>
  );
}

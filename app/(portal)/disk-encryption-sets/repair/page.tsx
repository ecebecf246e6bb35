import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RepairPage } from '@/components/setup/lazy-pages';

export const metadata: Metadata = { title: 'Repair' };

export default function Page() {
  return (
    <Suspense>
      <RepairPage />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ServersPage } from '@/components/servers/servers-page';

export const metadata: Metadata = { title: 'Replicating servers' };

export default function Page() {
  return (
    <Suspense>
      <ServersPage />
    </Suspense>
  );
}

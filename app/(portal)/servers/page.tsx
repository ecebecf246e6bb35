import type { Metadata } from 'next';
import { ServersPage } from '@/components/pending/servers-page';

export const metadata: Metadata = { title: 'Replicating servers' };

export default function Page() {
  return <ServersPage />;
}

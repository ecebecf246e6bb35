import type { Metadata } from 'next';
import { DiskEncryptionSetsPage } from '@/components/resources/des-page';

export const metadata: Metadata = { title: 'Disk encryption sets' };

export default function Page() {
  return <DiskEncryptionSetsPage />;
}

import type { Metadata } from 'next';
import { KeyVaultsPage } from '@/components/resources/key-vaults-page';

export const metadata: Metadata = { title: 'Key vaults' };

export default function Page() {
  return <KeyVaultsPage />;
}

import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SetupWizardPage } from '@/components/setup/lazy-pages';

export const metadata: Metadata = { title: 'Create a disk encryption set' };

export default function Page() {
  return (
    <Suspense>
      <SetupWizardPage />
    </Suspense>
  );
}

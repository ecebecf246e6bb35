'use client';

import { ComingPage } from '../common/coming-page';

export function DiskEncryptionSetsPage() {
  return (
    <ComingPage emptyTitle="Disk encryption set health is not built yet">
      This page will show each disk encryption set, the servers whose replicas will use it, and whether its identity can reach its key. Creating a missing one will be guided from here.
    </ComingPage>
  );
}

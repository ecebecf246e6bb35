'use client';

import { ComingPage } from '../common/coming-page';

export function KeyVaultsPage() {
  return (
    <ComingPage emptyTitle="Key vault checks are not built yet">
      This page will show the vaults that hold customer-managed keys: soft delete and purge protection, network rules, keys and their expiry and rotation, and who may use them.
    </ComingPage>
  );
}

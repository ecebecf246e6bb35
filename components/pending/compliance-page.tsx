'use client';

import { ComingPage } from '../common/coming-page';

export function CompliancePage() {
  return (
    <ComingPage emptyTitle="The compliance view is not built yet">
      This read-only view will summarise how many replicating servers will land under a customer-managed key, who holds the keys, and the evidence an auditor accepts for ISO/IEC 27001
      8.24, NEN 7510 and GDPR Art. 32.
    </ComingPage>
  );
}

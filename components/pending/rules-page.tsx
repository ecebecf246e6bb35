'use client';

import { ComingPage } from '../common/coming-page';

export function RulesPage() {
  return (
    <ComingPage emptyTitle="The rule catalog is not built yet">
      This page will list every readiness rule Lockstep applies, with its severity, rationale, remediation and the controls it maps to.
    </ComingPage>
  );
}

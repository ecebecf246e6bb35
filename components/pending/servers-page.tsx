'use client';

import { ComingPage } from '../common/coming-page';

export function ServersPage() {
  return (
    <ComingPage emptyTitle="Readiness checks are not built yet">
      This page will list every VMware server Azure Migrate replicates in the subscriptions you can see, each disk&apos;s target disk encryption set, the health of its key vault, key and
      access grant, and a verdict per server that explains itself. Until then, the Overview shows which subscriptions Lockstep can read for you.
    </ComingPage>
  );
}

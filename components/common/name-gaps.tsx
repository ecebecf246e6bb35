'use client';

import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { EstateGap } from '@/lib/estate/file';
import { isArmGap } from '@/lib/estate/ids';

/** When Microsoft Graph could not name principals: ids are shown instead, and nothing else changes. */
export function NameGaps({ gaps }: { gaps: EstateGap[] | undefined }) {
  const names = (gaps ?? []).filter((g) => !isArmGap(g));
  if (names.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>People and identities are shown by object id</MessageBarTitle>
        {names.map((g) => `Lockstep could not ${g.operation} (${g.status ? `${g.status} ` : ''}${g.code}): ${g.message}`).join(' ')} Verdicts and controls do
        not depend on names. To see names, grant Lockstep the delegated Microsoft Graph permission Directory.Read.All (admin consent).
      </MessageBarBody>
    </MessageBar>
  );
}

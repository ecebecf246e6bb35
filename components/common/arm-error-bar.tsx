'use client';

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { explainArmError } from '@/lib/queries/errors';

/** What Lockstep could not see or do, and why, in words; ARM's own text is shown as text. */
export function ArmErrorBar({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const x = explainArmError(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{x.title}</MessageBarTitle>
        {x.detail}
        {x.next ? ` ${x.next}` : ''}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

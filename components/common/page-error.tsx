'use client';

import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalXXL } });

/** A page that failed to render: what went wrong, in words, and a retry. */
export function PageError({ error, reset }: { error: Error; reset: () => void }) {
  const s = useStyles();
  useEffect(() => console.error('Lockstep page error:', error.name, error.message), [error]);
  return (
    <div className={s.root} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This page could not be shown</MessageBarTitle>
          {error.message || 'An unexpected error occurred.'} The rest of Lockstep still works.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={reset}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

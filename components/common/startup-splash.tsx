'use client';

import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { flex: 1, display: 'grid', placeItems: 'center', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

export function StartupSplash({ error }: { error?: string }) {
  const s = useStyles();
  return (
    <main className={s.root}>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : (
        <Spinner size="large" label="Starting Lockstep…" />
      )}
    </main>
  );
}

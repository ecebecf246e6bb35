'use client';

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import { EmptyState } from './empty-state';

const useStyles = makeStyles({ root: { minHeight: '100vh', display: 'grid', placeItems: 'center', backgroundColor: tokens.colorNeutralBackground2 } });

export function NotFoundPage() {
  const s = useStyles();
  return (
    <main className={s.root}>
      <EmptyState
        icon={<DocumentSearchRegular />}
        title="This page does not exist"
        action={
          <Button as="a" href="/overview/" appearance="primary">
            Go to Overview
          </Button>
        }
      >
        The address may be mistyped, or the page may have moved.
      </EmptyState>
    </main>
  );
}

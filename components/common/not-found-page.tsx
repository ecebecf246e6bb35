'use client';

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useSession } from '@/lib/auth/session-context';
import { EmptyState } from './empty-state';

// The not-found page belongs to the root layout, so whatever it imports is in every page's first load, the signed-out
// page's included: the portal's frame (navigation, header, queries) is loaded only when someone signed in needs it.
const PortalShell = dynamic(() => import('../shell/portal-shell').then((m) => m.PortalShell), { ssr: false });

const useStyles = makeStyles({ root: { minHeight: '100vh', display: 'grid', placeItems: 'center', backgroundColor: tokens.colorNeutralBackground2 } });

/** An address that is no page: inside the portal's frame for someone signed in, on its own otherwise. */
export function NotFoundPage() {
  const s = useStyles();
  const router = useRouter();
  const { accounts } = useSession();
  const inside = accounts.length > 0;
  const home = inside ? '/overview/' : '/';
  const body = (
    <EmptyState
      icon={<DocumentSearchRegular />}
      title="This page does not exist"
      action={
        <Button
          as="a"
          href={home}
          appearance="primary"
          onClick={(e) => {
            e.preventDefault();
            router.push(home);
          }}
        >
          {inside ? 'Go to Overview' : 'Go to the start page'}
        </Button>
      }
    >
      The address may be mistyped, or the page may have moved.
    </EmptyState>
  );
  if (inside) return <PortalShell crumbs={[{ title: 'Page not found' }]}>{body}</PortalShell>;
  return <main className={s.root}>{body}</main>;
}

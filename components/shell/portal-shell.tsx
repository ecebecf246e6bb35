'use client';

import { makeStyles, tokens } from '@fluentui/react-components';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { useOfflineEstate } from '@/lib/queries/estate';
import { StartupSplash } from '../common/startup-splash';
import { useAfterFirstFrame } from '../common/use-after-first-frame';
import { Breadcrumbs, type Crumb } from './breadcrumbs';
import { HeaderBar } from './header-bar';
import { LeftNav } from './left-nav';
import { NotificationToasts } from './notifications';
import { useSession } from '@/lib/auth/session-context';

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  skip: {
    position: 'absolute',
    left: '-9999px',
    top: 0,
    zIndex: 10,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM },
  },
  body: { flex: 1, display: 'flex', minHeight: 0 },
  main: {
    flex: 1,
    minWidth: 0,
    overflow: 'auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    outlineStyle: 'none',
  },
});

/** The signed-in frame: header bar, left navigation, breadcrumbs and the page. Signed-out visitors go to the landing page. */
export function PortalShell({ children, crumbs }: { children: ReactNode; crumbs?: Crumb[] }) {
  const s = useStyles();
  const { account, busy } = useSession();
  const offline = useOfflineEstate();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    // The whole address comes back after sign-in: a shared link to a filtered grid or an open pane keeps its filter.
    if (!account && !offline && !busy) router.replace(`/?returnTo=${encodeURIComponent(pathname + window.location.search)}`);
  }, [account, offline, busy, router, pathname]);
  // The first time the frame mounts (arriving from sign-in or from an opened file), the page inside it mounts a frame later.
  const pageShown = useAfterFirstFrame();
  // A new page starts at the top of the pane (the left navigation turns off Next.js's scroll handling, which measured the
  // page in the middle of its commit). Read and set in the next animation frame, when the page is laid out for painting
  // anyway, not in the effect: there it laid out the Overview inside the task that mounted it (9-10 ms of a 50-55 ms task
  // after a file was opened). Not when the frame first mounts: a new pane is at the top.
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const frame = requestAnimationFrame(() => {
      if (main.current && main.current.scrollTop !== 0) main.current.scrollTop = 0;
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  if (!account && !offline) return <StartupSplash />;
  return (
    <div className={s.frame}>
      <a href="#main" className={s.skip}>
        Skip to main content
      </a>
      <HeaderBar account={account} offline={offline} />
      <NotificationToasts />
      <div className={s.body}>
        <LeftNav />
        <main ref={main} id="main" className={s.main} tabIndex={-1}>
          <Breadcrumbs extra={crumbs} />
          {pageShown && children}
        </main>
      </div>
    </div>
  );
}

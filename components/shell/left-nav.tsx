'use client';

import { Button, makeStyles, mergeClasses, Nav, NavItem, tokens, Tooltip } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { usePathname, useRouter } from 'next/navigation';
import { NAV, navItemFor } from '@/config/nav';
import { browserStore } from '@/lib/queries/browser-store';

const useStyles = makeStyles({
  // Fluent's NavDrawer look (its background, width and padding) on a plain landmark: an always-open inline drawer only
  // added a slide-in motion and a layout read on every render of the page.
  drawer: {
    height: '100%',
    width: '260px',
    boxSizing: 'border-box',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground4,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 900px)': { width: '64px' },
  },
  body: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXS} 0 ${tokens.spacingHorizontalMNudge}`,
    rowGap: tokens.spacingVerticalXXS,
  },
  collapsed: { width: '56px', minWidth: '56px' },
  toggle: { marginBottom: tokens.spacingVerticalS, marginLeft: tokens.spacingHorizontalXS },
});

/** Whether the navigation is collapsed to its icons, remembered in this browser (nothing else about the user is stored). */
const collapsedStore = browserStore<boolean>(
  'lockstep.nav.collapsed',
  { safeParse: (v: unknown) => (typeof v === 'boolean' ? { success: true as const, data: v } : { success: false as const }) },
  { storage: 'local', fallback: false, serverValue: false },
);

/** The portal's left navigation, built from config/nav.ts; the menu button collapses it to icons, as the portal's does. */
export function LeftNav() {
  const s = useStyles();
  const pathname = usePathname();
  const router = useRouter();
  const current = navItemFor(pathname)?.href;
  const collapsed = collapsedStore.use();
  return (
    <nav className={mergeClasses(s.drawer, collapsed && s.collapsed)} aria-label="Lockstep">
      <Nav selectedValue={current} className={s.body}>
        <Tooltip content={collapsed ? 'Expand the navigation' : 'Collapse the navigation'} relationship="label" positioning="after">
          <Button
            className={s.toggle}
            appearance="subtle"
            icon={<NavigationRegular />}
            aria-expanded={!collapsed}
            onClick={() => collapsedStore.set(!collapsed)}
          />
        </Tooltip>
        {NAV.map((item) => {
          const Icon = item.icon;
          const link = (
            <NavItem
              key={item.href}
              value={item.href}
              href={item.href}
              icon={<Icon />}
              aria-label={collapsed ? item.title : undefined}
              aria-current={current === item.href ? 'page' : undefined}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                e.preventDefault();
                // The frame puts the new page at the top of its pane itself, after it is drawn (portal-shell.tsx): Next.js's
                // own check would read the new page's layout in the middle of mounting it.
                router.push(item.href, { scroll: false });
              }}
            >
              {collapsed ? null : item.title}
            </NavItem>
          );
          return collapsed ? (
            <Tooltip key={item.href} content={item.title} relationship="description" positioning="after">
              {link}
            </Tooltip>
          ) : (
            link
          );
        })}
      </Nav>
    </nav>
  );
}

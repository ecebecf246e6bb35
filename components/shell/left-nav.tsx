'use client';

import { makeStyles, NavDrawer, NavDrawerBody, NavItem, tokens } from '@fluentui/react-components';
import { usePathname, useRouter } from 'next/navigation';
import { NAV, navItemFor } from '@/config/nav';

const useStyles = makeStyles({
  drawer: { height: '100%', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, '@media (max-width: 900px)': { width: '64px' } },
});

/** The portal's left navigation, built from config/nav.ts. */
export function LeftNav() {
  const s = useStyles();
  const pathname = usePathname();
  const router = useRouter();
  const current = navItemFor(pathname)?.href;
  return (
    <NavDrawer open type="inline" selectedValue={current} className={s.drawer} aria-label="Lockstep">
      <NavDrawerBody>
        {NAV.map((item) => {
          const Icon = item.icon;
          return (
            <NavItem
              key={item.href}
              value={item.href}
              href={item.href}
              icon={<Icon />}
              aria-current={current === item.href ? 'page' : undefined}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                e.preventDefault();
                router.push(item.href);
              }}
            >
              {item.title}
            </NavItem>
          );
        })}
      </NavDrawerBody>
    </NavDrawer>
  );
}

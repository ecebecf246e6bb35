'use client';

import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { usePathname, useRouter } from 'next/navigation';
import { Fragment, useSyncExternalStore } from 'react';
import { navItemFor } from '@/config/nav';

export interface Crumb {
  title: string;
  href?: string;
}

const NO_SUBSCRIPTION = () => () => undefined;

/** Home › section › …, as in the portal. The last crumb is the current page. */
export function Breadcrumbs({ extra = [] }: { extra?: Crumb[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const section = navItemFor(pathname);
  // A drill-down says where it came from (`?from=compliance`): the trail keeps that section before this one.
  // Read on each render (the route re-renders this on every navigation); a static page has no query when rendered at build.
  const from = useSyncExternalStore(
    NO_SUBSCRIPTION,
    () => new URLSearchParams(window.location.search).get('from') ?? undefined,
    () => undefined,
  );
  const via = from ? navItemFor(`/${from}/`) : undefined;
  const crumbs: Crumb[] = [{ title: 'Home', href: '/overview/' }];
  if (via && via !== section && via.href !== '/overview/') crumbs.push({ title: via.title, href: via.href });
  if (section && section.href !== '/overview/') crumbs.push({ title: section.title, href: section.href });
  // Pages below a section (a rule's page) add their own segment: /rules/LS-KV-002/ → Rules › LS-KV-002.
  if (section) {
    const below = pathname
      .slice(section.href.length - 1)
      .split('/')
      .filter(Boolean);
    below.forEach((seg, i) =>
      crumbs.push({ title: decodeURIComponent(seg).replace(/^[a-z]/, (c) => c.toUpperCase()), href: `${section.href}${below.slice(0, i + 1).join('/')}/` }),
    );
  }
  crumbs.push(...extra);
  return (
    <Breadcrumb aria-label="Breadcrumb" size="small">
      {crumbs.map((c, i) => {
        const last = i === crumbs.length - 1;
        return (
          <Fragment key={`${c.title}-${i}`}>
            <BreadcrumbItem>
              <BreadcrumbButton
                href={last ? undefined : c.href}
                current={last}
                onClick={(e) => {
                  if (last || !c.href) return;
                  e.preventDefault();
                  router.push(c.href);
                }}
              >
                {c.title}
              </BreadcrumbButton>
            </BreadcrumbItem>
            {!last && <BreadcrumbDivider />}
          </Fragment>
        );
      })}
    </Breadcrumb>
  );
}

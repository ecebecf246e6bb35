'use client';

import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { usePathname, useRouter } from 'next/navigation';
import { Fragment } from 'react';
import { navItemFor } from '@/config/nav';

export interface Crumb {
  title: string;
  href?: string;
}

/** Home › section › …, as in the portal. The last crumb is the current page. */
export function Breadcrumbs({ extra = [] }: { extra?: Crumb[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const section = navItemFor(pathname);
  const crumbs: Crumb[] = [{ title: 'Home', href: '/overview/' }];
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

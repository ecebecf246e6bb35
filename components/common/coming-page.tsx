'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { navItemFor } from '@/config/nav';
import { PageHeader } from '../shell/page-header';
import { EmptyState } from './empty-state';

/** A section whose data view is not built yet: says so plainly, and what it will show. */
export function ComingPage({ emptyTitle, children, commands }: { emptyTitle: string; children: ReactNode; commands?: ReactNode }) {
  const item = navItemFor(usePathname())!;
  const Icon = item.icon;
  return (
    <>
      <PageHeader title={item.title} icon={Icon} description={item.description} commands={commands} />
      <EmptyState icon={<Icon />} title={emptyTitle}>
        {children}
      </EmptyState>
    </>
  );
}

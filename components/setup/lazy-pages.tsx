'use client';

/**
 * The guided setup, the repair and the re-replication are wizards over the planner, the exporters and the apply
 * machinery: their code loads when one opens, behind the page's loading skeleton, not with the portal's first load
 * (the portal's pages share the shell; these three added 60–100 kB gzip each to their first load).
 */
import dynamic from 'next/dynamic';
import { PageSkeleton } from '../common/page-skeleton';

export const SetupWizardPage = dynamic(() => import('./setup-wizard').then((m) => m.SetupWizardPage), { ssr: false, loading: PageSkeleton });
export const RepairPage = dynamic(() => import('./repair-page').then((m) => m.RepairPage), { ssr: false, loading: PageSkeleton });
export const ReenablePage = dynamic(() => import('../reenable/reenable-page').then((m) => m.ReenablePage), { ssr: false, loading: PageSkeleton });

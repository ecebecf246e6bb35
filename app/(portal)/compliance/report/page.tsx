import type { Metadata } from 'next';
import { ReportPage } from '@/components/compliance/report-page';

export const metadata: Metadata = { title: 'Compliance report' };

export default function Page() {
  return <ReportPage />;
}

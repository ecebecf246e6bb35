import type { Metadata } from 'next';
import { CompliancePage } from '@/components/compliance/compliance-page';

export const metadata: Metadata = { title: 'Compliance' };

export default function Page() {
  return <CompliancePage />;
}

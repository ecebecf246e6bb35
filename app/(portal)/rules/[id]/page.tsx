import type { Metadata } from 'next';
import { RulePage } from '@/components/rules/rule-page';
import { RULES } from '@/lib/readiness/catalog';

// One static page per rule: the catalog is known at build time.
export function generateStaticParams() {
  return RULES.map((r) => ({ id: r.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: id };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RulePage id={id} />;
}

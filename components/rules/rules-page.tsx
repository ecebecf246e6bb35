'use client';

import { Caption1, Link, makeStyles, SearchBox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { TaskListLtrRegular } from '@fluentui/react-icons';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RULES } from '@/lib/readiness/catalog';
import { PageHeader } from '../shell/page-header';
import { SeverityBadge } from './severity-badge';

const useStyles = makeStyles({
  ellipsis: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  wrap: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
});

const SUBJECT = { server: 'Server', des: 'Disk encryption set', key: 'Key', keyVault: 'Key vault' };

export function RulesPage() {
  const s = useStyles();
  const router = useRouter();
  const [q, setQ] = useState('');
  const needle = q.toLowerCase();
  const rules = RULES.filter((r) => !needle || [r.id, r.name, r.title, r.synopsis].some((t) => t.toLowerCase().includes(needle)));
  return (
    <>
      <PageHeader title="Rules" icon={TaskListLtrRegular} description="The readiness rules Lockstep applies, with rationale and remediation." />
      <SearchBox placeholder="Filter rules…" aria-label="Filter rules" value={q} onChange={(_, d) => setQ(d.value)} style={{ maxWidth: 360 }} />
      <Caption1 className={s.muted}>
        Showing {rules.length} of {RULES.length} rules
      </Caption1>
      <div className={s.wrap}>
        <Table aria-label="Rules" size="small">
          <TableHeader>
            <TableRow>
              {/* The rule's words get the room; long names (Des.DoubleEncryptionRequired) keep theirs instead of running into the badge. */}
              {(
                [
                  ['Id', 110],
                  ['Name', 260],
                  ['Severity', 100],
                  ['About', 180],
                  ['Rule', undefined],
                ] as const
              ).map(([h, width]) => (
                <TableHeaderCell key={h} style={width ? { width } : undefined}>
                  {h}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((r) => (
              <TableRow key={r.id}>
                <TableCell className={s.mono}>
                  <Link
                    href={`/rules/${r.id}/`}
                    onClick={(e) => {
                      e.preventDefault();
                      router.push(`/rules/${r.id}/`);
                    }}
                  >
                    {r.id}
                  </Link>
                </TableCell>
                <TableCell className={s.mono} title={r.name}>
                  <span className={s.ellipsis}>{r.name}</span>
                </TableCell>
                <TableCell>
                  <SeverityBadge severity={r.severity} />
                </TableCell>
                <TableCell title={SUBJECT[r.subject]}>
                  <span className={s.ellipsis}>{SUBJECT[r.subject]}</span>
                </TableCell>
                <TableCell>
                  {r.title}
                  <Caption1 block className={s.muted}>
                    {r.synopsis}
                  </Caption1>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

'use client';

import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { normalizeId } from '@/lib/estate/ids';
import type { Readiness } from '@/lib/queries/estate';
import type { Verdict } from '@/lib/readiness/types';
import { VerdictBadge } from '../common/verdict-badge';

/** After a run: each server's verdict before it and now (pending while the estate is read again). */
export function VerdictsBeforeAfter({
  readiness,
  serverIds,
  before,
  rereading,
}: {
  readiness: Readiness;
  serverIds: string[];
  before: Record<string, string>;
  rereading: boolean;
}) {
  return (
    <Table aria-label="Verdicts before and after" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Server</TableHeaderCell>
          <TableHeaderCell>Before</TableHeaderCell>
          <TableHeaderCell>Now</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {serverIds.map((id) => {
          const row = readiness.rows.find((r) => normalizeId(r.id) === normalizeId(id));
          const was = before[id] as Verdict | undefined;
          return (
            <TableRow key={id}>
              <TableCell>
                {row?.name ?? readiness.estate.servers.find((x) => normalizeId(x.id) === normalizeId(id))?.machineName ?? id.split('/').pop()}
              </TableCell>
              <TableCell>{was ? <VerdictBadge verdict={was} /> : '—'}</TableCell>
              <TableCell>{rereading ? <VerdictBadge verdict="pending" /> : row ? <VerdictBadge verdict={row.verdict} /> : '—'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

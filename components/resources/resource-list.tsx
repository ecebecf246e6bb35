'use client';

import { Caption1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState, type ReactElement, type ReactNode } from 'react';
import { rawResource } from '@/lib/estate/ids';
import type { Readiness } from '@/lib/queries/estate';
import type { Finding } from '@/lib/readiness/types';
import { EmptyState } from '../common/empty-state';
import { useIdleImport } from '../common/use-idle-import';

const useStyles = makeStyles({
  wrap: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
  },
  row: { cursor: 'pointer' },
  // One line per row: a long name is cut with an ellipsis and shown whole in its tooltip, instead of wrapping onto three.
  cell: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  // Headers on one line too: the columns are as wide as their titles.
  head: { whiteSpace: 'nowrap' },
});

/** One column: its header and what a row shows in it. */
export interface ResourceColumn<R> {
  title: string;
  cell: (row: R) => ReactNode;
  /** Pixels; the columns without one share what is left. */
  width?: number;
}

/** What the drawer of an opened row shows: its kind, its Essentials and anything below them. */
export interface ResourceBlade {
  kind: string;
  essentials: { key: string; value: string }[];
  children?: ReactNode;
}

/**
 * A list of one kind of resource, as the portal's resource lists are: a count, a table whose columns are data, and a row
 * that opens the resource's blade (Essentials, findings, JSON) by click or Enter. An empty list says why it is empty.
 */
export function ResourceList<R extends { id: string; name: string; findings: Finding[] }>({
  readiness,
  label,
  rows,
  columns,
  empty,
  blade,
}: {
  readiness: Readiness;
  /** The plural name ("Disk encryption sets"): the table's label and the count's noun. */
  label: string;
  rows: R[];
  columns: ResourceColumn<R>[];
  empty: { icon: ReactElement; title: string; body: ReactNode };
  blade: (row: R) => ResourceBlade;
}) {
  const s = useStyles();
  const [open, setOpen] = useState<string>();
  const current = rows.find((r) => r.id === open);
  const opened = current ? blade(current) : undefined;
  // The resource's pane loads when the page is idle, or at once when a row is opened before that.
  const [drawer] = useIdleImport(() => import('./resource-drawer'), !!open);
  if (rows.length === 0) {
    return (
      <EmptyState icon={empty.icon} title={empty.title}>
        {empty.body}
      </EmptyState>
    );
  }
  return (
    <>
      <Caption1 className={s.muted}>
        Showing {rows.length} {label.toLowerCase()}
      </Caption1>
      <div className={s.wrap}>
        <Table aria-label={label} size="small" style={{ minWidth: columns.reduce((a, c) => a + (c.width ?? 120), 0) }}>
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell key={c.title} className={s.head} style={c.width ? { width: c.width } : undefined}>
                  {c.title}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} className={s.row} tabIndex={0} onClick={() => setOpen(r.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(r.id)}>
                {columns.map((c) => {
                  const v = c.cell(r);
                  return (
                    <TableCell key={c.title}>
                      <span className={s.cell} title={typeof v === 'string' || typeof v === 'number' ? String(v) : undefined}>
                        {v}
                      </span>
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {drawer && (
        <drawer.ResourceDrawer
          title={current?.name}
          kind={opened?.kind ?? ''}
          onClose={() => setOpen(undefined)}
          findings={current?.findings ?? []}
          raw={current ? rawResource(readiness.estate, current.id) : undefined}
          essentials={opened?.essentials ?? []}
        >
          {opened?.children}
        </drawer.ResourceDrawer>
      )}
    </>
  );
}

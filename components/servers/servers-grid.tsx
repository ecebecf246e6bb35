'use client';

import { Button, Checkbox, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ServerRow } from '@/lib/readiness/rows';
import { HealthIcon, VerdictBadge } from '../common/verdict-badge';

const ROW = 44;

const useStyles = makeStyles({
  scroller: {
    height: '560px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  row: { position: 'absolute', left: 0, right: 0, display: 'flex', cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  headRow: { display: 'flex' },
  cell: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  sortButton: { fontWeight: tokens.fontWeightSemibold, paddingLeft: 0, minWidth: 0, justifyContent: 'flex-start' },
});

export type ColumnKey = 'name' | 'method' | 'project' | 'subscription' | 'region' | 'state' | 'disks' | 'encryption' | 'des' | 'vault' | 'verdict' | 'finding';

export const COLUMNS: { key: ColumnKey; title: string; width: string; sortValue: (r: ServerRow) => string | number }[] = [
  { key: 'name', title: 'Server', width: '150px', sortValue: (r) => r.name },
  { key: 'method', title: 'Method', width: '110px', sortValue: (r) => r.method },
  { key: 'project', title: 'Project', width: '140px', sortValue: (r) => r.project },
  { key: 'subscription', title: 'Subscription', width: '190px', sortValue: (r) => r.subscription },
  { key: 'region', title: 'Target region', width: '110px', sortValue: (r) => r.targetRegion },
  { key: 'state', title: 'Replication', width: '140px', sortValue: (r) => r.state },
  { key: 'disks', title: 'Disks', width: '100px', sortValue: (r) => r.capacityGiB },
  { key: 'encryption', title: 'Encryption', width: '100px', sortValue: (r) => r.encryption },
  { key: 'des', title: 'Disk encryption set', width: '180px', sortValue: (r) => r.desName },
  { key: 'vault', title: 'Key vault', width: '160px', sortValue: (r) => r.vaultName },
  { key: 'verdict', title: 'Verdict', width: '120px', sortValue: (r) => ['blocked', 'unprotected', 'unknown', 'attention', 'ready'].indexOf(r.verdict) },
  { key: 'finding', title: 'Top finding', width: '1fr', sortValue: (r) => r.topFinding?.ruleId ?? 'ZZZ' },
];

export const DEFAULT_COLUMNS: ColumnKey[] = [
  'name',
  'method',
  'project',
  'subscription',
  'region',
  'state',
  'disks',
  'encryption',
  'des',
  'vault',
  'verdict',
  'finding',
];

export interface SortState {
  key: ColumnKey;
  dir: 'asc' | 'desc';
}

const ENCRYPTION: Record<ServerRow['encryption'], string> = {
  customer: 'Customer key',
  double: 'Double',
  platform: 'Platform key',
  mixed: 'Mixed',
  unknown: 'Unknown',
};

export interface GridSelection {
  selected: ReadonlySet<string>;
  onToggle: (row: ServerRow) => void;
  onToggleAll: () => void;
}

const SELECT = { flex: '0 0 44px', width: '44px' };

/** Fluent table primitives with only the visible rows rendered (platform-notes: option C). */
export function ServersGrid({
  rows,
  columns,
  sort,
  onSort,
  onOpen,
  selection,
}: {
  rows: ServerRow[];
  columns: ColumnKey[];
  sort?: SortState;
  onSort: (key: ColumnKey) => void;
  onOpen: (row: ServerRow) => void;
  selection?: GridSelection;
}) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands back fresh functions each render; React Compiler skips memoising this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });
  const width = (c: (typeof COLUMNS)[number]) => (c.width === '1fr' ? { flex: '1 1 240px', minWidth: '240px' } : { flex: `0 0 ${c.width}`, width: c.width });
  const shown = COLUMNS.filter((c) => columns.includes(c.key));
  return (
    <div
      ref={scroller}
      className={s.scroller}
      style={{ height: Math.min(560, (rows.length + 1) * ROW + 4) }}
      tabIndex={0}
      aria-label="Replicating servers (scroll for more)"
    >
      <Table noNativeElements aria-label="Replicating servers" aria-rowcount={rows.length + 1} size="small" style={{ minWidth: 1600 }}>
        <TableHeader className={s.header}>
          <TableRow className={s.headRow} aria-rowindex={1}>
            {selection && (
              <TableHeaderCell style={SELECT}>
                <Checkbox
                  aria-label="Select all shown servers"
                  checked={selection.selected.size === 0 ? false : rows.every((r) => selection.selected.has(r.id)) ? true : 'mixed'}
                  onChange={selection.onToggleAll}
                />
              </TableHeaderCell>
            )}
            {shown.map((c) => (
              <TableHeaderCell key={c.key} style={width(c)} aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={`Sort by ${c.title}`}
                  icon={sort?.key === c.key ? sort.dir === 'asc' ? <ArrowSortUpRegular /> : <ArrowSortDownRegular /> : undefined}
                  iconPosition="after"
                  onClick={() => onSort(c.key)}
                  className={s.sortButton}
                >
                  {c.title}
                </Button>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody style={{ position: 'relative', height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((v) => {
            const r = rows[v.index]!;
            return (
              <TableRow
                key={r.id}
                className={s.row}
                style={{ top: v.start, height: ROW }}
                aria-rowindex={v.index + 2}
                tabIndex={0}
                onClick={() => onOpen(r)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(r);
                  }
                }}
              >
                {selection && (
                  <TableCell className={s.cell} style={SELECT} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                    <Checkbox aria-label={`Select ${r.name}`} checked={selection.selected.has(r.id)} onChange={() => selection.onToggle(r)} />
                  </TableCell>
                )}
                {shown.map((c) => (
                  <TableCell key={c.key} className={s.cell} style={width(c)}>
                    {cell(c.key, r, s)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function cell(key: ColumnKey, r: ServerRow, s: ReturnType<typeof useStyles>) {
  switch (key) {
    case 'name':
      return (
        <Text weight="semibold" className={s.ellipsis}>
          {r.name}
        </Text>
      );
    case 'method':
      return r.method === 'agent-based' ? 'Agent-based' : 'Agentless';
    case 'project':
      return <span className={s.ellipsis}>{r.project}</span>;
    case 'subscription':
      return <span className={s.ellipsis}>{r.subscription}</span>;
    case 'region':
      return r.targetRegion;
    case 'state':
      return <span className={s.ellipsis}>{r.progress !== undefined ? `${r.state} · ${r.progress}%` : r.state}</span>;
    case 'disks':
      return (
        <>
          {r.disks} · <span className={s.muted}>{r.capacityGiB} GiB</span>
        </>
      );
    case 'encryption':
      return ENCRYPTION[r.encryption];
    case 'des':
      return (
        <>
          <HealthIcon health={r.desHealth} />
          <span className={s.ellipsis}>{r.desName || '—'}</span>
        </>
      );
    case 'vault':
      return (
        <>
          <HealthIcon health={r.vaultHealth} />
          <span className={s.ellipsis}>{r.vaultName || '—'}</span>
        </>
      );
    case 'verdict':
      return <VerdictBadge verdict={r.verdict} />;
    case 'finding':
      return (
        <span className={s.ellipsis} title={r.topFinding?.message}>
          {r.topFinding ? `${r.topFinding.ruleId}: ${r.topFinding.message}` : 'No findings'}
        </span>
      );
  }
}

'use client';

import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ServerRow } from '@/lib/readiness/rows';
import { HealthIcon, VerdictBadge } from '../common/verdict-badge';

const ROW = 44;

const useStyles = makeStyles({
  scroller: { height: '560px', overflow: 'auto', backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  row: { position: 'absolute', left: 0, right: 0, display: 'flex', cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  headRow: { display: 'flex' },
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const COLUMNS: { key: string; title: string; width: string }[] = [
  { key: 'name', title: 'Server', width: '150px' },
  { key: 'project', title: 'Project', width: '140px' },
  { key: 'region', title: 'Target region', width: '110px' },
  { key: 'state', title: 'Replication', width: '140px' },
  { key: 'disks', title: 'Disks', width: '90px' },
  { key: 'encryption', title: 'Encryption', width: '100px' },
  { key: 'des', title: 'Disk encryption set', width: '180px' },
  { key: 'vault', title: 'Key vault', width: '160px' },
  { key: 'verdict', title: 'Verdict', width: '120px' },
  { key: 'finding', title: 'Top finding', width: '1fr' },
];

const ENCRYPTION: Record<ServerRow['encryption'], string> = { customer: 'Customer key', double: 'Double', platform: 'Platform key', mixed: 'Mixed', unknown: 'Unknown' };

/** Fluent table primitives with only the visible rows rendered (platform-notes: option C). */
export function ServersGrid({ rows, onOpen }: { rows: ServerRow[]; onOpen: (row: ServerRow) => void }) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands back fresh functions each render; React Compiler skips memoising this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });
  const width = (c: (typeof COLUMNS)[number]) => (c.width === '1fr' ? { flex: '1 1 240px', minWidth: '240px' } : { flex: `0 0 ${c.width}`, width: c.width });
  return (
    <div ref={scroller} className={s.scroller} tabIndex={0} aria-label="Replicating servers (scroll for more)">
      <Table noNativeElements aria-label="Replicating servers" aria-rowcount={rows.length + 1} size="small" style={{ minWidth: 1400 }}>
        <TableHeader className={s.header}>
          <TableRow className={s.headRow} aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <TableHeaderCell key={c.key} style={width(c)}>
                {c.title}
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
                <TableCell className={s.cell} style={width(COLUMNS[0]!)}>
                  <Text weight="semibold" className={s.ellipsis}>{r.name}</Text>
                </TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[1]!)}>
                  <span className={s.ellipsis}>{r.project}</span>
                </TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[2]!)}>{r.targetRegion}</TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[3]!)}>
                  <span className={s.ellipsis}>{r.progress !== undefined ? `${r.state} · ${r.progress}%` : r.state}</span>
                </TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[4]!)}>
                  {r.disks} · <span className={s.muted}>{r.capacityGiB} GiB</span>
                </TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[5]!)}>{ENCRYPTION[r.encryption]}</TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[6]!)}>
                  <HealthIcon health={r.desHealth} />
                  <span className={s.ellipsis}>{r.desName || '—'}</span>
                </TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[7]!)}>
                  <HealthIcon health={r.vaultHealth} />
                  <span className={s.ellipsis}>{r.vaultName || '—'}</span>
                </TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[8]!)}>
                  <VerdictBadge verdict={r.verdict} />
                </TableCell>
                <TableCell className={s.cell} style={width(COLUMNS[9]!)}>
                  <span className={s.ellipsis} title={r.topFinding?.message}>
                    {r.topFinding ? `${r.topFinding.ruleId}: ${r.topFinding.message}` : 'No findings'}
                  </span>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

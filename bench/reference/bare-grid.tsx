/**
 * The grid bench's reference (issue 13): the same rows in a bare Fluent `Table` + TanStack Virtual page, with nothing
 * around it: no shell, no filter bar, no keyboard model, no selection. The same row height, height, overscan, columns
 * and filter function as Lockstep's grid, so the figure beside Lockstep's is what the parts alone cost on this machine.
 * The rows follow the box in the keystroke's own render, as in platform-notes' option C (the issue's 13 ms): a
 * `useDeferredValue` costs a second render and often a frame (40 against 53 ms here), so it would be a slower yardstick.
 * Bundled by the bench with esbuild and served from a throwaway local server; never part of the product.
 */
import { Badge, FluentProvider, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, webLightTheme } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { filterRows, type ServerRow } from '../../lib/readiness/rows';
import { COLUMNS, ROW } from './bare-grid-columns';

const TOTAL = COLUMNS.reduce((a, c) => a + c.width, 0);

const Grid = memo(function Grid({ rows }: { rows: ServerRow[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });
  return (
    <div ref={scroller} style={{ height: 560, overflow: 'auto' }}>
      <Table noNativeElements role="grid" aria-rowcount={rows.length + 1} size="small" style={{ minWidth: TOTAL }}>
        <TableHeader style={{ position: 'sticky', top: 0, zIndex: 2 }}>
          <TableRow style={{ display: 'flex' }}>
            {COLUMNS.map((c) => (
              <TableHeaderCell key={c.title} style={{ flex: `0 0 ${c.width}px` }}>
                {c.title}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody style={{ position: 'relative', height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((v) => {
            const r = rows[v.index]!;
            return (
              <TableRow key={r.id} aria-rowindex={v.index + 2} style={{ position: 'absolute', top: v.start, height: ROW, display: 'flex', minWidth: TOTAL }}>
                {COLUMNS.map((c, i) => (
                  <TableCell key={c.title} style={{ flex: `0 0 ${c.width}px`, overflow: 'hidden', whiteSpace: 'nowrap' }}>
                    {i === 1 ? <Badge appearance="tint">{c.text(r)}</Badge> : c.text(r)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
});

function Page({ all }: { all: ServerRow[] }) {
  const [q, setQ] = useState('');
  const rows = useMemo(() => filterRows(all, { q }), [all, q]);
  return (
    <FluentProvider theme={webLightTheme}>
      <Input aria-label="Filter servers" value={q} onChange={(_, d) => setQ(d.value)} />
      <span>
        Showing {rows.length} of {all.length} servers
      </span>
      <Grid rows={rows} />
    </FluentProvider>
  );
}

void fetch('./rows.json')
  .then((r) => r.json() as Promise<ServerRow[]>)
  .then((all) => createRoot(document.getElementById('root')!).render(<Page all={all} />));

'use client';

import { Button, Checkbox, makeStyles, mergeClasses, Table, TableBody, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { elementScroll, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { ServerRow } from '@/lib/readiness/rows';
import { useAfterFirstFrame } from '../common/use-after-first-frame';
import { HealthIcon, VerdictBadge } from '../common/verdict-badge';

/** Row heights: compact is Fluent's small table density, comfortable its medium. */
export const DENSITIES = { compact: 34, comfortable: 44 } as const;
export type Density = keyof typeof DENSITIES;

const useStyles = makeStyles({
  scroller: {
    height: '560px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: { position: 'sticky', top: 0, zIndex: 2 },
  row: {
    position: 'absolute',
    left: 0,
    display: 'flex',
    cursor: 'pointer',
    // Explicit, so the frozen cells can inherit it and hide what scrolls under them.
    backgroundColor: tokens.colorNeutralBackground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selectedRow: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  headRow: { display: 'flex', backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  cell: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    // Each cell holds untrusted text: isolated, a right-to-left name cannot reorder its neighbours.
    unicodeBidi: 'isolate',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  // The body's rows and cells are plain elements dressed as Fluent's (TableRow, TableCell with noNativeElements): a sort
  // or a filter rewrites every visible cell, and Fluent's per-cell hooks were most of that work (bench: grid, sort click).
  bodyRow: {
    boxSizing: 'border-box',
    alignItems: 'center',
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
  // A block with its text in it, centred by the row's line height: the cell clips and ellipsises its own text, so a cell
  // is one box instead of a flex box around a clipping box (a filter keystroke lays out every visible cell again).
  bodyCell: { display: 'block', position: 'relative', padding: `0 ${tokens.spacingHorizontalS}`, alignSelf: 'stretch', boxSizing: 'border-box' },
  nameCell: { fontWeight: tokens.fontWeightSemibold },
  frozen: { position: 'sticky', zIndex: 1, backgroundColor: 'inherit' },
  lastFrozen: { borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  muted: { color: tokens.colorNeutralForeground2 },
  sortButton: { fontWeight: tokens.fontWeightSemibold, paddingLeft: 0, minWidth: 0, justifyContent: 'flex-start' },
});

export type ColumnKey = 'name' | 'method' | 'project' | 'subscription' | 'region' | 'state' | 'disks' | 'encryption' | 'des' | 'vault' | 'verdict' | 'finding';

/** In display order: what the page is for (server, verdict, top finding) first, the rest scrolls under the frozen server. */
export const COLUMNS: { key: ColumnKey; title: string; width: number; grow?: boolean; sortValue: (r: ServerRow) => string | number }[] = [
  { key: 'name', title: 'Server', width: 170, sortValue: (r) => r.name },
  { key: 'verdict', title: 'Verdict', width: 130, sortValue: (r) => ['blocked', 'unprotected', 'unknown', 'attention', 'ready'].indexOf(r.verdict) },
  { key: 'finding', title: 'Top finding', width: 340, grow: true, sortValue: (r) => r.topFinding?.ruleId ?? 'ZZZ' },
  { key: 'method', title: 'Method', width: 110, sortValue: (r) => r.method },
  { key: 'project', title: 'Project', width: 150, sortValue: (r) => r.project },
  { key: 'subscription', title: 'Subscription', width: 200, sortValue: (r) => r.subscription },
  { key: 'region', title: 'Target region', width: 120, sortValue: (r) => r.targetRegion },
  { key: 'state', title: 'Replication', width: 160, sortValue: (r) => r.state },
  { key: 'disks', title: 'Disks', width: 110, sortValue: (r) => r.capacityGiB },
  { key: 'encryption', title: 'Encryption', width: 110, sortValue: (r) => r.encryption },
  { key: 'des', title: 'Disk encryption set', width: 190, sortValue: (r) => r.desName },
  { key: 'vault', title: 'Key vault', width: 170, sortValue: (r) => r.vaultName },
];

export const DEFAULT_COLUMNS: ColumnKey[] = COLUMNS.map((c) => c.key);

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

const SELECT_WIDTH = 44;

/** Where the keyboard is in the grid: row 0 is the header, rows 1…n the servers; columns count the selection box. */
interface Position {
  row: number;
  col: number;
}

/**
 * Fluent table primitives with only the visible rows rendered (platform-notes: option C), as an ARIA grid:
 * one Tab stop, arrow keys between rows and cells, Home/End, Page Up/Down, Enter opens (or sorts, on a
 * header), Space selects. The server column is frozen at the left.
 */
function Grid({
  rows,
  columns,
  sort,
  onSort,
  onOpen,
  selection,
  density = 'compact',
  label = 'Replicating servers',
}: {
  rows: ServerRow[];
  columns: ColumnKey[];
  sort?: SortState;
  onSort: (key: ColumnKey) => void;
  onOpen: (row: ServerRow) => void;
  selection?: GridSelection;
  density?: Density;
  label?: string;
}) {
  const s = useStyles();
  const ROW = DENSITIES[density];
  const scroller = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);
  const [active, setActive] = useState<Position>({ row: 1, col: 0 });
  const height = Math.min(560, (rows.length + 1) * ROW + 4);
  // The virtualizer hands back fresh functions each render; React Compiler skips memoising this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
    initialRect: { width: 0, height },
    observeElementRect: observeSizeAfterLayout,
    scrollToFn: scrollUnlessThere,
  });
  const shown = useMemo(() => COLUMNS.filter((c) => columns.includes(c.key)), [columns]);
  const lead = selection ? 1 : 0;
  const colCount = shown.length + lead;
  const total = (selection ? SELECT_WIDTH : 0) + shown.reduce((a, c) => a + c.width, 0);
  // Frozen: the selection box and the server name.
  const cellClass = (key: ColumnKey) => (key === 'name' ? mergeClasses(s.cell, s.frozen, s.lastFrozen) : s.cell);
  // Worked out once, not once per cell: one object while the styles are the same, so the memoised rows keep their props.
  const body = useMemo<BodyClasses>(
    () => ({
      row: mergeClasses(s.row, s.bodyRow),
      selectedRow: mergeClasses(s.row, s.bodyRow, s.selectedRow),
      cell: mergeClasses(s.cell, s.bodyCell),
      frozen: mergeClasses(s.cell, s.bodyCell, s.frozen),
      name: mergeClasses(s.cell, s.bodyCell, s.frozen, s.lastFrozen, s.nameCell),
      muted: s.muted,
    }),
    [s],
  );
  // The body's rows mount one frame after the grid's frame and header.
  const bodyShown = useAfterFirstFrame();
  // Rows can shrink under the keyboard (a filter); the position follows.
  const pos = { row: Math.min(active.row, rows.length), col: Math.min(active.col, colCount - 1) };

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-pos="${pos.row}:${pos.col}"]`);
    if (el) {
      focusWanted.current = false;
      el.focus({ preventScroll: false });
    }
  });

  const move = (to: Position) => {
    const next = { row: Math.max(0, Math.min(rows.length, to.row)), col: Math.max(0, Math.min(colCount - 1, to.col)) };
    focusWanted.current = true;
    setActive(next);
    if (next.row > 0) virtual.scrollToIndex(next.row - 1, { align: 'auto' });
    else if (scroller.current) scroller.current.scrollTop = 0;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target as HTMLElement).dataset.pos) return;
    const pageRows = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 560) - ROW) / ROW) - 1);
    const { row, col } = pos;
    const r = row > 0 ? rows[row - 1] : undefined;
    const key = e.key;
    const handled = () => e.preventDefault();
    if (key === 'ArrowDown') move({ row: row + 1, col });
    else if (key === 'ArrowUp') move({ row: row - 1, col });
    else if (key === 'ArrowRight') move({ row, col: col + 1 });
    else if (key === 'ArrowLeft') move({ row, col: col - 1 });
    else if (key === 'Home') move(e.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 });
    else if (key === 'End') move(e.ctrlKey ? { row: rows.length, col: colCount - 1 } : { row, col: colCount - 1 });
    else if (key === 'PageDown') move({ row: row + pageRows, col });
    else if (key === 'PageUp') move({ row: Math.max(1, row - pageRows), col });
    else if (key === 'Enter') {
      if (row === 0 && col >= lead) onSort(shown[col - lead]!.key);
      else if (row === 0 && selection) selection.onToggleAll();
      else if (r) onOpen(r);
    } else if (key === ' ') {
      if (row === 0 && col === 0 && selection) selection.onToggleAll();
      else if (row === 0 && col >= lead) onSort(shown[col - lead]!.key);
      else if (r && selection) selection.onToggle(r);
    } else return;
    handled();
  };
  const cellProps = (row: number, col: number) => ({
    'data-pos': `${row}:${col}`,
    tabIndex: pos.row === row && pos.col === col ? 0 : -1,
    onFocus: () => setActive((a) => (a.row === row && a.col === col ? a : { row, col })),
  });

  return (
    <div ref={scroller} className={s.scroller} style={{ height }}>
      <Table
        noNativeElements
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={colCount}
        aria-multiselectable={selection ? true : undefined}
        size={density === 'compact' ? 'small' : 'medium'}
        style={{ minWidth: total }}
        onKeyDown={onKeyDown}
      >
        <TableHeader className={s.header}>
          <TableRow className={s.headRow} aria-rowindex={1} style={{ minWidth: total }}>
            {selection && (
              <TableHeaderCell className={mergeClasses(s.cell, s.frozen)} style={SELECT_STYLE} {...cellProps(0, 0)}>
                <Checkbox
                  tabIndex={-1}
                  aria-label="Select all shown servers"
                  checked={selection.selected.size === 0 ? false : rows.every((r) => selection.selected.has(r.id)) ? true : 'mixed'}
                  onChange={selection.onToggleAll}
                />
              </TableHeaderCell>
            )}
            {shown.map((c, i) => (
              <TableHeaderCell
                key={c.key}
                className={cellClass(c.key)}
                style={widthOf(c, !!selection)}
                aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                {...cellProps(0, i + lead)}
              >
                <Button
                  tabIndex={-1}
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
        <TableBody style={{ position: 'relative', height: virtual.getTotalSize() }} role="rowgroup">
          {(bodyShown ? virtual.getVirtualItems() : []).map((v) => {
            const r = rows[v.index]!;
            const row = v.index + 1;
            return (
              // Keyed by place, not by server: a filter or a sort hands each mounted row another server to show (a few
              // text and attribute changes) instead of unmounting every visible row and mounting new ones (bench: grid).
              <GridRow
                key={v.index}
                r={r}
                row={row}
                top={v.start}
                height={ROW}
                total={total}
                shown={shown}
                focusCol={pos.row === row ? pos.col : -1}
                picked={selection ? selection.selected.has(r.id) : undefined}
                onToggle={selection?.onToggle}
                onOpen={onOpen}
                onFocusCell={setActive}
                classes={body}
              />
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * The scroller's size for the virtualizer, as a ResizeObserver reports it after each layout. TanStack Virtual's own
 * observer also measures the scroller as the grid mounts, which makes the browser lay out the whole page in the middle
 * of React's commit (bench: 14-21 ms of forced style and layout in a 55-65 ms task). The grid sets its own height, so
 * the first rows come from `initialRect`.
 */
function observeSizeAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, changed: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(([entry]) => {
    const box = entry?.borderBoxSize?.[0];
    if (box) changed({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * Scrolls as TanStack Virtual does, but leaves a scroller at the top that is asked to go to the top: the virtualizer
 * writes its start offset to every scroller it is given, and a write makes the browser lay the page out in the middle
 * of React's commit (bench: 13-17 ms of forced style and layout as the grid mounts).
 */
const scrollUnlessThere: typeof elementScroll<HTMLDivElement> = (offset, options, instance) => {
  if (offset + (options.adjustments ?? 0) === 0 && (instance.scrollOffset ?? 0) === 0) return;
  elementScroll(offset, options, instance);
};

const SELECT_STYLE: CSSProperties = { flex: `0 0 ${SELECT_WIDTH}px`, width: SELECT_WIDTH, left: 0 };
/** A row's selection box: its cell is a block that ellipsises overflowing text, and the box is wider than the padding leaves. */
const SELECT_BODY_STYLE: CSSProperties = { ...SELECT_STYLE, textOverflow: 'clip' };
const widthCache = new Map<string, CSSProperties>();
/** A column's width (one object per column, so a row's cells keep their props from one render to the next). */
function widthOf(c: (typeof COLUMNS)[number], withSelection: boolean): CSSProperties {
  const key = `${c.key}|${withSelection}`;
  let style = widthCache.get(key);
  if (!style) {
    const base = c.grow ? { flex: `1 0 ${c.width}px`, minWidth: c.width } : { flex: `0 0 ${c.width}px`, width: c.width };
    style = c.key === 'name' ? { ...base, left: withSelection ? SELECT_WIDTH : 0 } : base;
    widthCache.set(key, style);
  }
  return style;
}

/**
 * One server's row. Memoised: a keystroke in the filter or an arrow key redraws only the rows whose server, position,
 * selection or focused cell changed, not every visible row (bench: grid).
 */
const GridRow = memo(function GridRow({
  r,
  row,
  top,
  height,
  total,
  shown,
  focusCol,
  picked,
  onToggle,
  onOpen,
  onFocusCell,
  classes: c,
}: {
  r: ServerRow;
  row: number;
  top: number;
  height: number;
  total: number;
  shown: (typeof COLUMNS)[number][];
  /** The cell that holds the grid's one Tab stop when it is in this row, else -1. */
  focusCol: number;
  /** Whether the row is selected; undefined when the grid offers no selection. */
  picked: boolean | undefined;
  onToggle: ((row: ServerRow) => void) | undefined;
  onOpen: (row: ServerRow) => void;
  onFocusCell: (update: (p: Position) => Position) => void;
  classes: BodyClasses;
}) {
  const selectable = picked !== undefined;
  const lead = selectable ? 1 : 0;
  const props = (col: number) => ({
    role: 'gridcell',
    'data-pos': `${row}:${col}`,
    tabIndex: focusCol === col ? 0 : -1,
    onFocus: () => onFocusCell((a) => (a.row === row && a.col === col ? a : { row, col })),
  });
  return (
    <div
      role="row"
      className={picked ? c.selectedRow : c.row}
      // The border is inside the height: the line box fills the rest, so the cells' text sits in the middle.
      style={{ top, height, lineHeight: `${height - 1}px`, minWidth: total, width: '100%' }}
      aria-rowindex={row + 1}
      aria-selected={selectable ? picked : undefined}
      onClick={() => onOpen(r)}
    >
      {selectable && (
        <div className={c.frozen} style={SELECT_BODY_STYLE} onClick={(e) => e.stopPropagation()} {...props(0)}>
          <Checkbox tabIndex={-1} aria-label={`Select ${r.name}`} checked={picked} onChange={() => onToggle?.(r)} />
        </div>
      )}
      {shown.map((col, i) => (
        <div key={col.key} className={col.key === 'name' ? c.name : c.cell} style={widthOf(col, selectable)} title={textOf(col.key, r)} {...props(i + lead)}>
          {cell(col.key, r, c.muted)}
        </div>
      ))}
    </div>
  );
});

interface BodyClasses {
  row: string;
  selectedRow: string;
  cell: string;
  frozen: string;
  name: string;
  muted: string;
}

/** Redrawn only when its rows, columns, sort or selection change (not on each progress tick of the page around it). */
export const ServersGrid = memo(Grid);

/** A cell's text: its content for the text columns, the name beside the health icon for a DES or a vault, and its tooltip. */
function textOf(key: ColumnKey, r: ServerRow): string | undefined {
  switch (key) {
    case 'name':
      return r.name;
    case 'method':
      return r.method === 'agent-based' ? 'Agent-based' : 'Agentless';
    case 'project':
      return r.project;
    case 'subscription':
      return r.subscription;
    case 'region':
      return r.targetRegion;
    case 'state':
      return r.progress !== undefined ? `${r.state} · ${r.progress}%` : r.state;
    case 'encryption':
      return ENCRYPTION[r.encryption];
    case 'des':
      return r.desName || undefined;
    case 'vault':
      return r.vaultName || undefined;
    case 'finding':
      return r.topFinding ? `${r.topFinding.ruleId}: ${r.topFinding.message}` : 'No findings';
    default:
      return undefined;
  }
}

function cell(key: ColumnKey, r: ServerRow, muted: string) {
  switch (key) {
    case 'disks':
      return (
        <>
          {r.disks} · <span className={muted}>{r.capacityGiB} GiB</span>
        </>
      );
    case 'des':
    case 'vault':
      return (
        <>
          <HealthIcon health={key === 'des' ? r.desHealth : r.vaultHealth} />
          {textOf(key, r) ?? '—'}
        </>
      );
    case 'verdict':
      return <VerdictBadge verdict={r.verdict} />;
    default:
      return textOf(key, r);
  }
}

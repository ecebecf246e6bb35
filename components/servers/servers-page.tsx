'use client';

import { NameGaps } from '@/components/common/name-gaps';
import { isArmGap } from '@/lib/estate/ids';
import { gapLines, plural } from '@/lib/readiness/wording';
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SearchBox,
  Skeleton,
  SkeletonItem,
  ToolbarButton,
  tokens,
  shorthands,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowRepeatAllRegular,
  ArrowDownloadRegular,
  ColumnTripleEditRegular,
  DismissRegular,
  FilterRegular,
  TextDensityRegular,
  DocumentArrowDownRegular,
  LockClosedRegular,
  ServerRegular,
} from '@fluentui/react-icons';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browserStore, oneOf, someOf } from '@/lib/queries/browser-store';
import { selectionStore } from '@/lib/queries/selection-store';
import { REENABLE_ACTION, useWriteAccess } from '@/lib/queries/write-access';
import { filterRows, type ServerRow } from '@/lib/readiness/rows';
import type { Verdict } from '@/lib/readiness/types';
import { useReadiness } from '@/lib/queries/estate';
import { ArmErrorBar } from '../common/arm-error-bar';
import { EmptyState } from '../common/empty-state';
import { VERDICTS } from '../common/verdict-badge';
import { PageHeader } from '../shell/page-header';
import { downloadText } from '../common/download';
import { ReadingProgress } from '../resources/readiness-frame';
import { KeepFocus } from '../common/keep-focus';
import { Labelled } from '../common/labelled';
import { FilterPill } from './filter-pill';
import { useIdleImport } from '../common/use-idle-import';
import { COLUMNS, DEFAULT_COLUMNS, DENSITIES, ServersGrid, type ColumnKey, type Density, type SortState } from './servers-grid';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  search: { width: '220px', minWidth: '160px' },
  pills: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '28px' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Fluent's checked ToggleButton, on a Button with aria-pressed (the ToggleButton's styles alone were 5 kB gzip).
  pressed: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...shorthands.borderColor(tokens.colorNeutralStroke1),
    color: tokens.colorNeutralForeground1Selected,
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
      color: tokens.colorNeutralForeground1Hover,
    },
    ':hover:active': { backgroundColor: tokens.colorNeutralBackground1Pressed, ...shorthands.borderColor(tokens.colorNeutralStroke1Pressed) },
    '@media (forced-colors: active)': {
      backgroundColor: 'Highlight',
      ...shorthands.borderColor('Highlight'),
      color: 'HighlightText',
      forcedColorAdjust: 'none',
    },
  },
  // Columns and density: how the grid looks, not what it shows; at the right of the line that says what is shown.
  view: { display: 'flex', marginLeft: 'auto', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  gaps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // A long list grows the bar instead of running over the filters below it.
  gapBar: { height: 'auto', minHeight: 'fit-content', alignItems: 'start' },
});

const EMPTY: ServerRow[] = [];
/** The rows read so far cannot be sorted or opened yet; one function, so the memoised grid is not redrawn for nothing. */
const NOTHING = () => undefined;
const METHODS = [
  { value: 'agentless', label: 'Agentless' },
  { value: 'agent-based', label: 'Agent-based' },
];
const optionCache = new WeakMap<ServerRow[], Record<'subscription' | 'project' | 'region' | 'des' | 'vault', string[]>>();

/** The values each filter offers, computed once per set of rows. */
function optionsOf(rows: ServerRow[]) {
  let o = optionCache.get(rows);
  if (!o) {
    const uniq = (f: (r: ServerRow) => string) => [...new Set(rows.map(f).filter(Boolean))].sort();
    o = {
      subscription: uniq((r) => r.subscription),
      project: uniq((r) => r.project),
      region: uniq((r) => r.targetRegion),
      des: uniq((r) => r.desName),
      vault: uniq((r) => r.vaultName),
    };
    optionCache.set(rows, o);
  }
  return o;
}

function sortRows(rows: ServerRow[], sort: { key: ColumnKey; dir: 'asc' | 'desc' } | undefined): ServerRow[] {
  if (!sort) return rows;
  const col = COLUMNS.find((c) => c.key === sort.key)!;
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Each row's value once, not twice per comparison. (V8's localeCompare has a fast path an Intl.Collator lacks: 5 ms against 15 for 10,000 names.)
  const keyed = rows.map((r) => ({ r, v: col.sortValue(r) }));
  keyed.sort(({ v: x }, { v: y }) => (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign);
  return keyed.map((k) => k.r);
}

/**
 * A filter, a sort or a pane in the address: the History API, which Next.js syncs with useSearchParams (a fresh state
 * object, so it does), instead of a router navigation. The page is the same; a navigation would fetch its payload
 * again and check the scroll position (bench: grid, sort and pane).
 */
function showParams(pathname: string, next: URLSearchParams): void {
  window.history.replaceState(null, '', `${pathname}${next.size ? `?${next}` : ''}`);
}

/**
 * The same write, with Next.js's own state object: Next.js then keeps its params as they were and the page does not redraw
 * for it. For what the page already shows from its own state (the search box, a clicked sort).
 */
function followParams(pathname: string, next: URLSearchParams): void {
  window.history.replaceState(window.history.state, '', `${pathname}${next.size ? `?${next}` : ''}`);
}

/** The columns shown, remembered per browser as a comma-separated list of keys; a key no column has any more is dropped. */
const columnsStore = browserStore<ColumnKey[]>('lockstep.servers.columns', someOf(COLUMNS.map((c) => c.key)), {
  storage: 'local',
  codec: { encode: (keys) => keys.join(','), decode: (text) => text.split(',').filter((k) => COLUMNS.some((c) => c.key === k)) },
  fallback: DEFAULT_COLUMNS,
  serverValue: DEFAULT_COLUMNS,
});

/** Row density, remembered per browser. */
const densityStore = browserStore<Density>('lockstep.servers.density', oneOf(Object.keys(DENSITIES) as Density[]), {
  storage: 'local',
  codec: { encode: (d) => d, decode: (text) => text },
  fallback: 'compact',
  serverValue: 'compact',
});

/** The filters a URL can carry, in the order their pills show. */
const FILTER_KEYS = ['q', 'verdict', 'subscription', 'project', 'method', 'region', 'des', 'vault', 'rules'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
/** A drill-down's rules in a few words: one or two named, a longer list as its first and a count (the pill's tooltip names them all). */
function rulesInWords(rules: string): string {
  const ids = rules.split(',').filter(Boolean);
  return ids.length <= 2 ? ids.join(' or ') : `${ids[0]} or ${ids.length - 1} other rules`;
}

const FILTER_LABEL: Record<FilterKey, string> = {
  q: 'Text',
  verdict: 'Verdict',
  subscription: 'Subscription',
  project: 'Project',
  method: 'Method',
  region: 'Region',
  des: 'Disk encryption set',
  vault: 'Key vault',
  rules: 'Failing',
};
const MORE = ['region', 'des', 'vault'] as const;

/** One exact-match filter whose options come from the data. */
function FilterDropdown({ label, value, options, onChange }: { label: string; value: string; options: string[]; onChange: (v: string | undefined) => void }) {
  return (
    <Labelled label={label}>
      <Dropdown
        aria-label={label}
        value={value || 'All'}
        selectedOptions={[value || '']}
        onOptionSelect={(_, d) => onChange(d.optionValue || undefined)}
        style={{ minWidth: 150 }}
      >
        <Option value="">All</Option>
        {options.map((o) => (
          <Option key={o} value={o}>
            {o}
          </Option>
        ))}
      </Dropdown>
    </Labelled>
  );
}

export function ServersPage() {
  const s = useStyles();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { readiness, progress, judging, isPending, isFetching, isError, error, refetch, partialRows } = useReadiness();
  const q = params.get('q') ?? '';
  // One object per set of filters, and one per sort, so what is drawn from them is redrawn only when they change (not
  // on each keystroke, and not the filters when the sort or the open pane changes).
  const filterKey = FILTER_KEYS.map((k) => (k === 'q' ? '' : (params.get(k) ?? ''))).join('\n');
  const filters = useMemo(() => {
    const [, verdict, subscription, project, method, region, des, vault, rules] = filterKey.split('\n') as string[];
    return {
      verdict: (verdict ?? '') as Verdict | '',
      subscription: subscription ?? '',
      project: project ?? '',
      method: method ?? '',
      region: region ?? '',
      des: des ?? '',
      vault: vault ?? '',
      rules: rules ?? '',
    };
  }, [filterKey]);
  const sortKey = params.get('sort') as ColumnKey | null;
  const sortDir = params.get('dir') === 'desc' ? ('desc' as const) : ('asc' as const);
  const linkedSort = useMemo(() => (sortKey && COLUMNS.some((c) => c.key === sortKey) ? { key: sortKey, dir: sortDir } : undefined), [sortKey, sortDir]);
  // A click on a header sorts at once, in this component; the address follows a moment later through the History API
  // without a Next.js sync (a second redraw of the page per click: bench: grid, sort). A sort arriving from the address
  // (a link, Back) wins over the one clicked.
  const linkedKey = linkedSort ? `${linkedSort.key}|${linkedSort.dir}` : '';
  const [sortBox, setSortBox] = useState<{ clicked?: SortState; seen: string }>({ seen: linkedKey });
  if (sortBox.seen !== linkedKey) {
    const clickedKey = sortBox.clicked ? `${sortBox.clicked.key}|${sortBox.clicked.dir}` : '';
    setSortBox(clickedKey === linkedKey ? { clicked: sortBox.clicked, seen: linkedKey } : { seen: linkedKey });
  }
  const sort = sortBox.clicked ?? linkedSort;
  const sortedBy = sort?.key;
  const sortedDir = sort?.dir;
  const sortWrite = useRef<number>(undefined);
  const verdict = filters.verdict;
  const columns = columnsStore.use();
  const open = params.get('server') ?? undefined;
  // Typing stays local and is never lost: each keystroke updates the box at once, and the URL follows through the
  // History API (which Next.js syncs with useSearchParams) instead of a router navigation per keystroke.
  // `written`: what this box put in the URL that the URL has not caught up with yet (Next.js syncs the params a moment later).
  const [box, setBox] = useState<{ typed?: string; seen: string; written: string[] }>({ seen: q, written: [] });
  if (box.seen !== q) {
    // A value this box wrote arriving is not news; anything else (back, a link, "clear all") wins over what was typed.
    setBox(box.written.includes(q) ? { typed: box.typed, seen: q, written: q === box.typed ? [] : box.written } : { typed: undefined, seen: q, written: [] });
  }
  const search = box.typed ?? q;
  // The URL follows a moment after the typing stops: each write makes Next.js sync its search params, a redraw of the page.
  const urlWrite = useRef<{ timer: number; value: string }>(undefined);
  const writeQ = useCallback(
    (value: string) => {
      const next = new URLSearchParams(window.location.search);
      if (value) next.set('q', value);
      else next.delete('q');
      followParams(pathname, next);
    },
    [pathname],
  );
  const flushQ = useCallback(() => {
    const pending = urlWrite.current;
    if (!pending) return;
    window.clearTimeout(pending.timer);
    urlWrite.current = undefined;
    writeQ(pending.value);
  }, [writeQ]);
  const onSearch = (value: string) => {
    setBox((b) => ({ ...b, typed: value, written: [...b.written, value] }));
    if (urlWrite.current) window.clearTimeout(urlWrite.current.timer);
    urlWrite.current = { value, timer: window.setTimeout(flushQ, 250) };
  };
  // Leaving the page drops a pending write: flushing it then would put this page's address over the next one's.
  useEffect(
    () => () => {
      if (urlWrite.current) window.clearTimeout(urlWrite.current.timer);
    },
    [],
  );
  const access = useWriteAccess();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // Filters live in the URL, so a filtered view can be shared and survives a reload.
  // One function for the page's life, so the memoised controls and rows below are not redrawn for a new closure.
  const setParams = useCallback(
    (changes: Record<string, string | undefined>) => {
      // A pill or Clear all that removes the text wins over what was typed, even before the URL caught up with the typing.
      if ('q' in changes) {
        if (urlWrite.current) window.clearTimeout(urlWrite.current.timer);
        urlWrite.current = undefined;
        setBox((b) => ({ typed: changes.q, seen: b.seen, written: changes.q ? [changes.q] : [] }));
      } else flushQ();
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      showParams(pathname, next);
    },
    [pathname, flushQ, setBox],
  );
  const setParam = useCallback((key: string, value: string | undefined) => setParams({ [key]: value }), [setParams]);
  const density = densityStore.use();
  const active = FILTER_KEYS.filter((k) => (k === 'q' ? search : filters[k as Exclude<FilterKey, 'q'>]));
  const [moreOpen, setMoreOpen] = useState(false);
  const showMore = moreOpen || MORE.some((k) => filters[k]);
  const pillText = (k: FilterKey) => {
    if (k === 'q') return `${FILTER_LABEL.q}: "${search}"`;
    if (k === 'verdict') return `Verdict: ${VERDICTS.find((v) => v.value === verdict)?.label ?? verdict}`;
    if (k === 'method') return `Method: ${METHODS.find((m) => m.value === filters.method)?.label ?? filters.method}`;
    if (k === 'rules') return `Failing: ${rulesInWords(filters.rules)}`;
    return `${FILTER_LABEL[k]}: ${filters[k as Exclude<FilterKey, 'q'>]}`;
  };
  // Closing the server pane gives the keyboard back to the grid's row, not to the page.
  const wasOpen = useRef<string | undefined>(undefined);
  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    if (!closed) return;
    const t = window.setTimeout(
      () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Replicating servers"] [data-pos][tabindex="0"]')?.focus(),
      50,
    );
    return () => window.clearTimeout(t);
  }, [open]);

  // Sorted once per sort, then filtered on each keystroke: a filter keeps the order of what it filters, so a keystroke
  // costs one pass over the rows (1-2 ms at 10,000) and never a sort. The rows follow the box in the keystroke's own
  // render: only the visible rows are drawn, so that render costs the same at 10,000 rows as at 50, and a deferred
  // second render cost a frame of its own (bench: grid, keystroke).
  const sorted = useMemo(() => (readiness ? sortRows(readiness.rows, sort) : EMPTY), [readiness, sort]);
  const rows = useMemo(() => filterRows(sorted, { ...filters, q: search }), [sorted, filters, search]);
  const options = optionsOf(readiness?.rows ?? EMPTY);

  const stamp = new Date().toISOString().slice(0, 10);
  // Secure target: the selected servers must land in one subscription and region, where the user may write.
  const picked = useMemo(() => (readiness && selected.size ? readiness.rows.filter((r) => selected.has(r.id)) : EMPTY), [readiness, selected]);
  const targets = new Set(picked.map((r) => `${r.targetSubscription}|${r.targetRegion}`));
  const targetSubId = readiness?.estate.servers.find((x) => x.id === picked[0]?.id)?.targetSubscriptionId;
  const secureReason =
    picked.length === 0
      ? 'Select the servers whose target to secure'
      : targets.size > 1
        ? 'The selected servers land in different subscriptions or regions'
        : !access.canWrite(targetSubId)
          ? 'Your role does not allow writes in their target subscription'
          : undefined;
  const secure = useCallback(() => {
    selectionStore.set(picked.map((r) => r.id));
    router.push('/disk-encryption-sets/create/?from=servers');
  }, [picked, router]);
  // Re-replicate: servers that already replicate, where the user may stop and start replication (Site Recovery's vault).
  const replication = useWriteAccess(REENABLE_ACTION);
  const reenableReason =
    picked.length === 0
      ? 'Select the servers to re-replicate under a disk encryption set'
      : !picked.some((r) => replication.canWrite(readiness?.estate.servers.find((x) => x.id === r.id)?.subscriptionId))
        ? "Your role does not allow stopping and starting replication in their Azure Migrate project's vault"
        : undefined;
  const reenable = useCallback(() => {
    selectionStore.set(picked.map((r) => r.id));
    router.push('/servers/re-replicate/');
  }, [picked, router]);
  const canSecure = access.any;
  const canReenable = replication.any;
  const onSort = useCallback(
    (key: ColumnKey) => {
      flushQ();
      const dir = sortedBy === key && sortedDir !== 'desc' ? 'desc' : 'asc';
      setSortBox((b) => ({ ...b, clicked: { key, dir } }));
      window.clearTimeout(sortWrite.current);
      sortWrite.current = window.setTimeout(() => {
        sortWrite.current = undefined;
        const next = new URLSearchParams(window.location.search);
        next.set('sort', key);
        next.set('dir', dir);
        followParams(pathname, next);
      }, 100);
    },
    [pathname, flushQ, sortedBy, sortedDir, setSortBox],
  );
  useEffect(() => () => window.clearTimeout(sortWrite.current), []);
  const onOpen = useCallback((r: ServerRow) => setParam('server', r.id), [setParam]);
  const onClose = useCallback(() => setParam('server', undefined), [setParam]);
  const onToggle = useCallback(
    (r: ServerRow) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(r.id)) next.delete(r.id);
        else next.add(r.id);
        return next;
      }),
    [],
  );
  const onToggleAll = useCallback(() => setSelected((prev) => (rows.every((r) => prev.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id)))), [rows]);
  const selection = useMemo(
    () => (canSecure || canReenable ? { selected, onToggle, onToggleAll } : undefined),
    [canSecure, canReenable, selected, onToggle, onToggleAll],
  );

  // Everything around the grid is drawn once per change of what it shows: a keystroke redraws the box, the pills and the grid.
  const header = useMemo(
    () => (
      <PageHeader
        title="Replicating servers"
        icon={ServerRegular}
        description="Every VMware server Azure Migrate replicates, with its encryption chain and a verdict."
        commands={
          <>
            <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => void refetch()} disabled={isFetching}>
              Refresh
            </ToolbarButton>
            {canSecure && (
              <ToolbarButton icon={<LockClosedRegular />} disabled={!!secureReason} title={secureReason} onClick={secure}>
                Secure target{picked.length ? ` (${picked.length})` : ''}
              </ToolbarButton>
            )}
            {canReenable && (
              <ToolbarButton icon={<ArrowRepeatAllRegular />} disabled={!!reenableReason} title={reenableReason} onClick={reenable}>
                Re-replicate with a DES{picked.length ? ` (${picked.length})` : ''}
              </ToolbarButton>
            )}
            <ToolbarButton
              icon={<ArrowDownloadRegular />}
              disabled={!readiness}
              onClick={() =>
                readiness &&
                void import('@/lib/readiness/report').then(({ findingsDocument }) =>
                  downloadText(`lockstep-findings-${stamp}.json`, JSON.stringify(findingsDocument(readiness.evaluation), null, 2), 'application/json'),
                )
              }
            >
              Export findings
            </ToolbarButton>
            <ToolbarButton
              icon={<ArrowDownloadRegular />}
              disabled={!readiness}
              onClick={() =>
                readiness &&
                void import('@/lib/readiness/report').then(({ findingsCsv }) =>
                  downloadText(`lockstep-findings-${stamp}.csv`, findingsCsv(readiness.evaluation), 'text/csv'),
                )
              }
            >
              Export CSV
            </ToolbarButton>
            <ToolbarButton
              icon={<DocumentArrowDownRegular />}
              disabled={!readiness}
              onClick={() => readiness && downloadText(`lockstep-estate-${stamp}.json`, JSON.stringify(readiness.file, null, 2), 'application/json')}
            >
              Download estate
            </ToolbarButton>
          </>
        }
      />
    ),
    [canSecure, canReenable, isFetching, picked.length, readiness, reenable, reenableReason, refetch, secure, secureReason, stamp],
  );
  const chips = useMemo(
    () =>
      readiness && (
        <div className={s.chips} role="group" aria-label="Servers by verdict">
          {VERDICTS.map((v) => (
            <Button
              key={v.value}
              size="small"
              aria-pressed={verdict === v.value}
              className={verdict === v.value ? s.pressed : undefined}
              onClick={() => setParam('verdict', verdict === v.value ? undefined : v.value)}
            >
              {v.label}: {readiness.evaluation.summary[v.value]}
            </Button>
          ))}
        </div>
      ),
    [readiness, verdict, setParam, s.chips, s.pressed],
  );
  const moreCount = MORE.filter((k) => filters[k]).length;
  const dropdowns = useMemo(
    () => (
      <>
        <Labelled label="Verdict">
          <Dropdown
            aria-label="Verdict"
            value={verdict ? VERDICTS.find((v) => v.value === verdict)!.label : 'All'}
            selectedOptions={[verdict || 'all']}
            onOptionSelect={(_, d) => setParam('verdict', d.optionValue === 'all' ? undefined : d.optionValue)}
            style={{ minWidth: 130 }}
          >
            <Option value="all">All</Option>
            {VERDICTS.map((v) => (
              <Option key={v.value} value={v.value}>
                {v.label}
              </Option>
            ))}
          </Dropdown>
        </Labelled>
        <FilterDropdown label="Subscription" value={filters.subscription ?? ''} options={options.subscription} onChange={(v) => setParam('subscription', v)} />
        <FilterDropdown label="Project" value={filters.project ?? ''} options={options.project} onChange={(v) => setParam('project', v)} />
        <Labelled label="Method">
          <Dropdown
            aria-label="Method"
            value={METHODS.find((m) => m.value === filters.method)?.label ?? 'All'}
            selectedOptions={[filters.method || '']}
            onOptionSelect={(_, d) => setParam('method', d.optionValue || undefined)}
            style={{ minWidth: 120 }}
          >
            <Option value="">All</Option>
            {METHODS.map((m) => (
              <Option key={m.value} value={m.value}>
                {m.label}
              </Option>
            ))}
          </Dropdown>
        </Labelled>
        {/* A disclosure (aria-expanded), not a toggle: it shows the group under it. Open, it looks selected. */}
        <Button
          icon={<FilterRegular />}
          appearance={showMore ? 'secondary' : 'subtle'}
          aria-expanded={showMore}
          disabled={moreCount > 0}
          onClick={() => setMoreOpen((o) => !o)}
        >
          More filters{moreCount > 0 ? ` (${moreCount})` : ''}
        </Button>
      </>
    ),
    [verdict, filters, options, setParam, showMore, moreCount],
  );
  const moreFilters = useMemo(
    () =>
      showMore && (
        <div className={s.filters} role="group" aria-label="More filters">
          <FilterDropdown label="Region" value={filters.region ?? ''} options={options.region} onChange={(v) => setParam('region', v)} />
          <FilterDropdown label="Disk encryption set" value={filters.des ?? ''} options={options.des} onChange={(v) => setParam('des', v)} />
          <FilterDropdown label="Key vault" value={filters.vault ?? ''} options={options.vault} onChange={(v) => setParam('vault', v)} />
        </div>
      ),
    [showMore, filters, options, setParam, s.filters],
  );
  // The Columns and Density menus load when the page is idle, or at the first click (view-menus.tsx).
  const [menus, loadMenus] = useIdleImport(() => import('./view-menus'));
  const [menuOpen, setMenuOpen] = useState<'columns' | 'density'>();
  const view = useMemo(() => {
    const openLater = (which: 'columns' | 'density') => (menus ? undefined : () => void loadMenus().then(() => setMenuOpen(which)));
    const columnsButton = (
      <ToolbarButton icon={<ColumnTripleEditRegular />} onClick={openLater('columns')}>
        Columns
      </ToolbarButton>
    );
    const densityButton = (
      <ToolbarButton icon={<TextDensityRegular />} aria-label={`Row density: ${density}`} onClick={openLater('density')}>
        Density
      </ToolbarButton>
    );
    const controlled = (which: 'columns' | 'density') => ({ open: menuOpen === which, onOpenChange: (o: boolean) => setMenuOpen(o ? which : undefined) });
    return (
      <div className={s.view} role="group" aria-label="View">
        <KeepFocus when={menus}>
          {menus ? <menus.ColumnsMenu trigger={columnsButton} {...controlled('columns')} columns={columns} onColumns={columnsStore.set} /> : columnsButton}
        </KeepFocus>
        <KeepFocus when={menus}>
          {menus ? <menus.DensityMenu trigger={densityButton} {...controlled('density')} density={density} onDensity={densityStore.set} /> : densityButton}
        </KeepFocus>
      </div>
    );
  }, [columns, density, s.view, menus, loadMenus, menuOpen]);
  const gapBanner = useMemo(
    () => (
      <>
        {readiness && readiness.file.gaps && readiness.file.gaps.some(isArmGap) && (
          <MessageBar intent="warning" layout="multiline" className={s.gapBar}>
            <MessageBarBody>
              <MessageBarTitle>Lockstep could not read everything</MessageBarTitle>
              Servers whose chain passes through these are shown as unknown.
              <ul className={s.gaps} aria-label="What could not be read">
                {gapLines(readiness).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        <NameGaps gaps={readiness?.file.gaps} />
      </>
    ),
    [readiness, s.gapBar, s.gaps],
  );
  // The server's pane (a drawer, its chain and findings) loads when the page is idle, or at once for an address that opens one.
  const [pane] = useIdleImport(() => import('./server-details'), !!open);
  const details = useMemo(
    () => readiness && pane && <pane.ServerDetails readiness={readiness} serverId={open} onClose={onClose} />,
    [readiness, open, onClose, pane],
  );
  return (
    <>
      {header}
      {isFetching && <ReadingProgress progress={progress} judging={judging} />}
      {isError && <ArmErrorBar error={error} onRetry={() => void refetch()} />}
      {gapBanner}
      {!readiness && partialRows && partialRows.length > 0 && (
        <>
          <Caption1 className={s.muted} aria-live="polite">
            Read {partialRows.length} servers so far; each verdict follows once its disk encryption set, key vault and key are read.
          </Caption1>
          <ServersGrid rows={partialRows} columns={columns} onSort={NOTHING} onOpen={NOTHING} density={density} label="Servers read so far" />
        </>
      )}
      {isPending && !isError && !partialRows?.length && (
        <Skeleton aria-label="Loading servers">
          {[0, 1, 2, 3, 4].map((i) => (
            <SkeletonItem key={i} size={32} style={{ marginBottom: 6 }} />
          ))}
        </Skeleton>
      )}
      {readiness && (
        <>
          {chips}
          <div className={s.filters} role="search" aria-label="Server filters">
            <SearchBox
              placeholder="Filter for any field…"
              aria-label="Filter servers"
              className={s.search}
              value={search}
              onChange={(_, d) => onSearch(d.value)}
            />
            {dropdowns}
          </div>
          {moreFilters}
          <div className={s.pills}>
            {active.length > 0 && (
              <>
                <div className={s.chips} role="group" aria-label="Active filters">
                  {active.map((k) => (
                    <FilterPill
                      key={k}
                      text={pillText(k)}
                      title={k === 'rules' ? `Failing any of: ${filters.rules.split(',').join(', ')}` : undefined}
                      onRemove={() => setParams({ [k]: undefined })}
                    />
                  ))}
                </div>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DismissRegular />}
                  onClick={() => setParams(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}
                >
                  Clear all
                </Button>
              </>
            )}
            <Caption1 className={s.muted} aria-live="polite">
              Showing {rows.length} of {readiness.rows.length} servers{filters.rules ? ` failing ${rulesInWords(filters.rules)}` : ''}
              {picked.length > 0 && ` · ${picked.length} selected${secureReason ? `: ${secureReason.charAt(0).toLowerCase()}${secureReason.slice(1)}` : ''}`}
            </Caption1>
            {view}
          </div>
          {readiness.rows.length === 0 && (readiness.file.gaps ?? []).some(isArmGap) ? (
            // With gaps, "none exist" would be a guess: say what could not be read, and offer to try again.
            <EmptyState
              icon={<ServerRegular />}
              title="No replicating servers could be read"
              action={
                <Button appearance="primary" onClick={() => void refetch()}>
                  Retry
                </Button>
              }
            >
              Lockstep could not read what it needs in{' '}
              {plural(new Set((readiness.file.gaps ?? []).filter(isArmGap).map((g) => g.scope.toLowerCase())).size, 'scope')} (listed above), so it cannot tell
              whether servers replicate there. None were found in what it could read.
            </EmptyState>
          ) : readiness.rows.length === 0 ? (
            <EmptyState icon={<ServerRegular />} title="No replicating servers">
              None of the subscriptions you can see has a Recovery Services vault with replicating servers. Start replication in Azure Migrate, or ask for
              Reader on the subscription that holds the migration project.
            </EmptyState>
          ) : rows.length === 0 ? (
            <Body1>No server matches these filters.</Body1>
          ) : (
            <ServersGrid key={density} density={density} rows={rows} columns={columns} sort={sort} onSort={onSort} onOpen={onOpen} selection={selection} />
          )}
          {details}
        </>
      )}
    </>
  );
}

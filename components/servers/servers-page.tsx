'use client';

import {
  Body1, Caption1, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Option, SearchBox, Skeleton, SkeletonItem, ToggleButton, ToolbarButton, tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, DocumentArrowDownRegular, ServerRegular } from '@fluentui/react-icons';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useDeferredValue, useMemo } from 'react';
import { findingsCsv, findingsDocument } from '@/lib/readiness/report';
import type { Verdict } from '@/lib/readiness/types';
import { useReadiness } from '@/lib/queries/estate';
import { ArmErrorBar } from '../common/arm-error-bar';
import { EmptyState } from '../common/empty-state';
import { VERDICTS } from '../common/verdict-badge';
import { PageHeader } from '../shell/page-header';
import { ReadingProgress } from '../resources/readiness-frame';
import { ServerDetails } from './server-details';
import { ServersGrid } from './servers-grid';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  gaps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function ServersPage() {
  const s = useStyles();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { readiness, progress, isPending, isFetching, isError, error, refetch } = useReadiness();
  const q = params.get('q') ?? '';
  const verdict = (params.get('verdict') ?? '') as Verdict | '';
  const open = params.get('server') ?? undefined;
  const deferredQ = useDeferredValue(q);

  // Filters live in the URL, so a filtered view can be shared and survives a reload.
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  };

  const rows = useMemo(() => {
    if (!readiness) return [];
    const needle = deferredQ.trim().toLowerCase();
    return readiness.rows.filter(
      (r) =>
        (!verdict || r.verdict === verdict) &&
        (!needle || [r.name, r.project, r.subscription, r.targetRegion, r.desName, r.vaultName, r.state, r.topFinding?.message ?? ''].some((f) => f.toLowerCase().includes(needle))),
    );
  }, [readiness, verdict, deferredQ]);

  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Replicating servers"
        icon={ServerRegular}
        description="Every VMware server Azure Migrate replicates, with its encryption chain and a verdict."
        commands={
          <>
            <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => void refetch()} disabled={isFetching}>
              Refresh
            </ToolbarButton>
            <ToolbarButton icon={<ArrowDownloadRegular />} disabled={!readiness} onClick={() => readiness && download(`lockstep-findings-${stamp}.json`, JSON.stringify(findingsDocument(readiness.evaluation), null, 2), 'application/json')}>
              Export findings
            </ToolbarButton>
            <ToolbarButton icon={<ArrowDownloadRegular />} disabled={!readiness} onClick={() => readiness && download(`lockstep-findings-${stamp}.csv`, findingsCsv(readiness.evaluation), 'text/csv')}>
              Export CSV
            </ToolbarButton>
            <ToolbarButton icon={<DocumentArrowDownRegular />} disabled={!readiness} onClick={() => readiness && download(`lockstep-estate-${stamp}.json`, JSON.stringify(readiness.file, null, 2), 'application/json')}>
              Download estate
            </ToolbarButton>
          </>
        }
      />
      {isFetching && <ReadingProgress progress={progress} />}
      {isError && <ArmErrorBar error={error} onRetry={() => void refetch()} />}
      {readiness && readiness.file.gaps && readiness.file.gaps.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Lockstep could not read everything</MessageBarTitle>
            Servers whose chain passes through these are shown as unknown.
            <ul className={s.gaps} aria-label="What could not be read">
              {readiness.file.gaps.map((g, i) => (
                <li key={i}>
                  Could not {g.operation} on {g.scope}: {g.status ? `${g.status} ` : ''}
                  {g.code}. {g.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {isPending && !isError && (
        <Skeleton aria-label="Loading servers">
          {[0, 1, 2, 3, 4].map((i) => (
            <SkeletonItem key={i} size={32} style={{ marginBottom: 6 }} />
          ))}
        </Skeleton>
      )}
      {readiness && (
        <>
          <div className={s.chips} role="group" aria-label="Servers by verdict">
            {VERDICTS.map((v) => (
              <ToggleButton key={v.value} size="small" checked={verdict === v.value} onClick={() => setParam('verdict', verdict === v.value ? undefined : v.value)}>
                {v.label}: {readiness.evaluation.summary[v.value]}
              </ToggleButton>
            ))}
          </div>
          <div className={s.filters}>
            <SearchBox placeholder="Filter for any field…" aria-label="Filter servers" value={q} onChange={(_, d) => setParam('q', d.value || undefined)} />
            <Field label="Verdict">
              <Dropdown
                aria-label="Verdict"
                value={verdict ? VERDICTS.find((v) => v.value === verdict)!.label : 'All'}
                selectedOptions={[verdict || 'all']}
                onOptionSelect={(_, d) => setParam('verdict', d.optionValue === 'all' ? undefined : d.optionValue)}
              >
                <Option value="all">All</Option>
                {VERDICTS.map((v) => (
                  <Option key={v.value} value={v.value}>
                    {v.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Caption1 className={s.muted} aria-live="polite">
              Showing {rows.length} of {readiness.rows.length} servers
            </Caption1>
          </div>
          {readiness.rows.length === 0 ? (
            <EmptyState icon={<ServerRegular />} title="No replicating servers">
              None of the subscriptions you can see has a Recovery Services vault with replicating servers. Start replication in Azure Migrate, or ask for Reader on the subscription that holds the migration project.
            </EmptyState>
          ) : rows.length === 0 ? (
            <Body1>No server matches these filters.</Body1>
          ) : (
            <ServersGrid rows={rows} onOpen={(r) => setParam('server', r.id)} />
          )}
          <ServerDetails readiness={readiness} serverId={open} onClose={() => setParam('server', undefined)} />
        </>
      )}
    </>
  );
}

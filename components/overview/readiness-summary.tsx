'use client';

import { isArmGap } from '@/lib/estate/ids';
import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Skeleton,
  SkeletonItem,
  Subtitle1,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { ruleById } from '@/lib/readiness/catalog';
import { coverageOf, topFindings } from '@/lib/readiness/rows';
import { useReadiness } from '@/lib/queries/estate';
import { ArmErrorBar } from '../common/arm-error-bar';
import { VerdictChart } from './verdict-chart';
import { ReadingProgress } from '../resources/readiness-frame';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  big: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const TIB = 1024;

/** The Overview's readiness: servers by verdict, coverage by count and capacity, top findings, gaps. */
export function ReadinessSummary() {
  const s = useStyles();
  const router = useRouter();
  const { readiness, progress, judging, isFetching, isError, error, refetch } = useReadiness();
  const coverage = useMemo(() => (readiness ? coverageOf(readiness.rows) : undefined), [readiness]);
  const top = useMemo(() => (readiness ? topFindings(readiness.evaluation, 5) : []), [readiness]);
  const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100));
  return (
    <section className={s.section} aria-labelledby="readiness-title">
      <Subtitle1 as="h2" id="readiness-title">
        Readiness
      </Subtitle1>
      {isFetching && !readiness && <ReadingProgress progress={progress} judging={judging} />}
      {isFetching && !readiness && (
        <Skeleton aria-label="Loading readiness">
          <SkeletonItem size={28} />
        </Skeleton>
      )}
      {isError && <ArmErrorBar error={error} onRetry={() => void refetch()} />}
      {readiness && coverage && (
        <>
          <VerdictChart summary={readiness.evaluation.summary} onPick={(v) => router.push(`/servers/?verdict=${v}`)} />
          <div className={s.cards}>
            <Card aria-label="Servers under a customer key">
              <CardHeader header={<Text weight="semibold">Servers that will land under a customer key, healthy</Text>} />
              <span className={s.big}>{pct(coverage.protectedServers, coverage.servers)}%</span>
              <ProgressBar value={coverage.servers ? coverage.protectedServers / coverage.servers : 0} color="success" aria-label="Share of servers" />
              <Caption1 className={s.muted}>
                {coverage.protectedServers} of {coverage.servers} replicating servers (verdict ready or attention)
              </Caption1>
            </Card>
            <Card aria-label="Disk capacity under a customer key">
              <CardHeader header={<Text weight="semibold">Disk capacity under a customer key, healthy</Text>} />
              <span className={s.big}>{pct(coverage.protectedCapacityGiB, coverage.capacityGiB)}%</span>
              <ProgressBar
                value={coverage.capacityGiB ? coverage.protectedCapacityGiB / coverage.capacityGiB : 0}
                color="success"
                aria-label="Share of disk capacity"
              />
              <Caption1 className={s.muted}>
                {(coverage.protectedCapacityGiB / TIB).toFixed(1)} of {(coverage.capacityGiB / TIB).toFixed(1)} TiB
              </Caption1>
            </Card>
          </div>
          <div>
            <Title2 as="h3" style={{ fontSize: tokens.fontSizeBase400 }}>
              Top findings
            </Title2>
            {top.length === 0 ? (
              <Body1>No findings: every chain passes every rule.</Body1>
            ) : (
              <ol className={s.list} aria-label="Top findings">
                {top.map((t) => (
                  <li key={t.ruleId}>
                    <Link
                      href={`/rules/${t.ruleId}/`}
                      onClick={(e) => {
                        e.preventDefault();
                        router.push(`/rules/${t.ruleId}/`);
                      }}
                    >
                      {t.ruleId} {ruleById(t.ruleId)?.title}
                    </Link>{' '}
                    <Caption1 className={s.muted}>
                      · {t.severity} ·{' '}
                      <Link
                        href={`/servers/?rules=${t.ruleId}`}
                        aria-label={`${t.servers} ${t.servers === 1 ? 'server' : 'servers'} failing ${t.ruleId}`}
                        onClick={(e) => {
                          e.preventDefault();
                          router.push(`/servers/?rules=${t.ruleId}`);
                        }}
                      >
                        {t.servers} {t.servers === 1 ? 'server' : 'servers'}
                      </Link>
                    </Caption1>
                    <Body1 block>{t.example.message}</Body1>
                  </li>
                ))}
              </ol>
            )}
          </div>
          {readiness.file.gaps && readiness.file.gaps.some(isArmGap) && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>What could not be read</MessageBarTitle>
                {readiness.file.gaps
                  .filter(isArmGap)
                  .map((g) => `Could not ${g.operation} on ${g.scope} (${g.status} ${g.code}).`)
                  .join(' ')}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}

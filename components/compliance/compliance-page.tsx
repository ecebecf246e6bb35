'use client';

import { NameGaps } from '@/components/common/name-gaps';
import { isArmGap } from '@/lib/estate/ids';
import {
  Badge,
  Body1,
  Caption1,
  Link,
  makeStyles,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  ToolbarButton,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowDownloadRegular,
  CheckmarkCircleFilled,
  DismissCircleFilled,
  PrintRegular,
  QuestionCircleRegular,
  ShieldCheckmarkRegular,
} from '@fluentui/react-icons';
import { useRouter } from 'next/navigation';
import { useMemo, type ReactElement } from 'react';
import { evidenceArchive, evidenceBundle } from '@/lib/compliance/evidence';
import { CONTROL_STATUS_LABEL, custodyText, dayOf } from '@/lib/compliance/wording';
import { controlResults, coverageBy, keyCustody, upcoming, type ControlStatus } from '@/lib/compliance/summary';
import { useOfflineEstate, useReadiness, type Readiness } from '@/lib/queries/estate';
import { coverageOf } from '@/lib/readiness/rows';
import { inDays, localDay, UpcomingTimeline } from './upcoming-timeline';
import { ReadinessFrame } from '../resources/readiness-frame';
import { PageHeader } from '../shell/page-header';
import { downloadText } from '../common/download';
import { useSession } from '@/lib/auth/session-context';

/**
 * Key custody's columns and their share of the width (Fluent's table lays columns out fixed): room for a key's name, a
 * date on one line, and most for who controls the key, the column the table is for.
 */
const CUSTODY_COLUMNS: [string, string][] = [
  ['Key', '14%'],
  ['Type', '7%'],
  ['HSM', '6%'],
  ['Created', '10%'],
  ['Expires', '10%'],
  ['Rotation', '8%'],
  ['Last rotation', '9%'],
  ['Purge protection', '8%'],
  ['Who controls it', '28%'],
];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  wrap: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  // One holder per line, with room to read it: the column the table is for.
  holderList: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0`,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    // A user principal name has no spaces: let it break rather than run under the table's edge.
    overflowWrap: 'anywhere',
  },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  tile: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  barRow: { display: 'grid', gridTemplateColumns: '220px 1fr 140px', alignItems: 'center', gap: tokens.spacingHorizontalM },
  bar: { height: '18px', backgroundColor: tokens.colorPaletteRedBackground3, borderRadius: tokens.borderRadiusSmall },
});

const STATUS: Record<ControlStatus, { label: string; color: 'success' | 'danger' | 'informative'; icon: ReactElement }> = {
  met: { label: CONTROL_STATUS_LABEL.met, color: 'success', icon: <CheckmarkCircleFilled /> },
  'not-met': { label: CONTROL_STATUS_LABEL['not-met'], color: 'danger', icon: <DismissCircleFilled /> },
  'cannot-tell': { label: CONTROL_STATUS_LABEL['cannot-tell'], color: 'informative', icon: <QuestionCircleRegular /> },
};

const pct = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((a / b) * 100)}%`);

/** Everything the compliance view shows, from one readiness (pure apart from the memo). */
export function useCompliance(r: Readiness) {
  return useMemo(() => {
    const now = Date.parse(r.evaluation.evaluatedAt) / 1000;
    const custody = keyCustody(r.estate, r.evaluation);
    return {
      now,
      coverage: coverageOf(r.rows),
      bySubscription: coverageBy(r.rows, (x) => x.targetSubscription),
      byProject: coverageBy(r.rows, (x) => x.project),
      controls: controlResults(r.evaluation, r.estate.gaps.filter(isArmGap).length),
      custody,
      upcoming: upcoming(custody, now),
    };
  }, [r]);
}

export function CompliancePage() {
  const { isFetching, refetch } = useReadiness();
  return (
    <>
      <PageHeader
        title="Compliance"
        icon={ShieldCheckmarkRegular}
        description="Whether the migration keeps the promise: encrypted under your own keys from day one."
        commands={<ComplianceCommands onRefresh={() => void refetch()} busy={isFetching} />}
      />
      <ReadinessFrame>{(r) => <ComplianceBody readiness={r} />}</ReadinessFrame>
    </>
  );
}

function ComplianceCommands({ onRefresh, busy }: { onRefresh: () => void; busy: boolean }) {
  const { readiness } = useReadiness();
  const { accounts } = useSession();
  const offline = useOfflineEstate();
  const router = useRouter();
  const downloadEvidence = () => {
    if (!readiness) return;
    // The bundle's digest is over exactly the bytes of the estate file saved beside it.
    const estateText = JSON.stringify(readiness.file, null, 2) + '\n';
    const stamp = readiness.evaluation.evaluatedAt.slice(0, 10);
    const bundle = evidenceBundle({
      estate: readiness.estate,
      evaluation: readiness.evaluation,
      estateBytes: estateText,
      generatedAt: new Date().toISOString(),
      generatedBy: accounts[0]?.username ?? (offline ? `offline review of ${offline.fileName}` : 'unknown'),
      toolVersion: process.env.NEXT_PUBLIC_LOCKSTEP_VERSION ?? 'unknown',
    });
    // One archive: the bundle and the estate it was judged from (two downloads at once make browsers ask).
    void evidenceArchive(bundle, estateText).then((zip) => downloadText(`lockstep-evidence-${stamp}.zip`, zip as Uint8Array<ArrayBuffer>, 'application/zip'));
  };
  return (
    <>
      <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={onRefresh} disabled={busy}>
        Refresh
      </ToolbarButton>
      <ToolbarButton icon={<ArrowDownloadRegular />} disabled={!readiness} onClick={downloadEvidence}>
        Download evidence
      </ToolbarButton>
      <ToolbarButton icon={<PrintRegular />} disabled={!readiness} onClick={() => router.push('/compliance/report/')}>
        Printable report
      </ToolbarButton>
    </>
  );
}

function ComplianceBody({ readiness }: { readiness: Readiness }) {
  const s = useStyles();
  const router = useRouter();
  const c = useCompliance(readiness);
  const maxBlast = Math.max(1, ...c.custody.map((k) => k.blast.capacityGiB));
  return (
    <>
      <section className={s.section} aria-labelledby="coverage">
        <Subtitle1 as="h2" id="coverage">
          Coverage
        </Subtitle1>
        <div className={s.tiles}>
          <div className={s.tile} aria-label="Servers under a customer key, healthy">
            <Caption1 className={s.muted}>Servers under a customer key, healthy</Caption1>
            <span className={s.big}>{pct(c.coverage.protectedServers, c.coverage.servers)}</span>
            <Caption1>
              {c.coverage.protectedServers} of {c.coverage.servers} replicating servers
            </Caption1>
          </div>
          <div className={s.tile} aria-label="Disk capacity under a customer key, healthy">
            <Caption1 className={s.muted}>Disk capacity under a customer key, healthy</Caption1>
            <span className={s.big}>{pct(c.coverage.protectedCapacityGiB, c.coverage.capacityGiB)}</span>
            <Caption1>
              {(c.coverage.protectedCapacityGiB / 1024).toFixed(1)} of {(c.coverage.capacityGiB / 1024).toFixed(1)} TiB
            </Caption1>
          </div>
        </div>
        <div className={s.tiles}>
          {[
            { label: 'By target subscription', rows: c.bySubscription },
            { label: 'By Migrate project', rows: c.byProject },
          ].map((g) => (
            <div key={g.label} className={s.wrap} role="region" tabIndex={0} aria-label={`Coverage ${g.label.toLowerCase()} (scrolls sideways)`}>
              <Table aria-label={`Coverage ${g.label.toLowerCase()}`} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{g.label}</TableHeaderCell>
                    <TableHeaderCell>Servers</TableHeaderCell>
                    <TableHeaderCell>Capacity</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {g.rows.map((r) => (
                    <TableRow key={r.name}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>
                        {r.protectedServers}/{r.servers} ({pct(r.protectedServers, r.servers)})
                      </TableCell>
                      <TableCell>{pct(r.protectedCapacityGiB, r.capacityGiB)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ))}
        </div>
      </section>

      <section className={s.section} aria-labelledby="controls">
        <Subtitle1 as="h2" id="controls">
          Controls
        </Subtitle1>
        {/* A table wider than the window scrolls; the keyboard must be able to reach the scroller (axe scrollable-region-focusable). */}
        <div className={s.wrap} role="region" tabIndex={0} aria-label="Controls (scrolls sideways)">
          <Table aria-label="Controls" size="small">
            <TableHeader>
              <TableRow>
                {['Control', 'Status', 'Failing rules', 'Resources', 'Servers'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.controls.map((x) => (
                <TableRow key={x.id}>
                  <TableCell>
                    <Body1 block>
                      <strong>{x.id}</strong> · {x.title}
                    </Body1>
                    <Caption1 className={s.muted}>{x.rationale}</Caption1>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS[x.status].color} icon={STATUS[x.status].icon}>
                      {STATUS[x.status].label}
                    </Badge>
                  </TableCell>
                  <TableCell>{x.failing.rules.join(', ') || '—'}</TableCell>
                  <TableCell>{x.failing.resources}</TableCell>
                  <TableCell>
                    {x.failing.servers > 0 ? (
                      <Link
                        href={`/servers/?rules=${x.failing.rules.join(',')}&from=compliance`}
                        onClick={(e) => {
                          e.preventDefault();
                          router.push(`/servers/?rules=${x.failing.rules.join(',')}&from=compliance`);
                        }}
                        aria-label={`${x.failing.servers} servers failing ${x.id}`}
                      >
                        {x.failing.servers}
                      </Link>
                    ) : (
                      0
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section className={s.section} aria-labelledby="custody">
        <Subtitle1 as="h2" id="custody">
          Key custody
        </Subtitle1>
        <Caption1 className={s.muted}>Every key that protects replicating disks, and who can delete, purge or re-permission it.</Caption1>
        <NameGaps gaps={readiness.file.gaps} />
        <div className={s.wrap} role="region" tabIndex={0} aria-label="Key custody (scrolls sideways)">
          <Table aria-label="Key custody" size="small">
            <TableHeader>
              <TableRow>
                {CUSTODY_COLUMNS.map(([h, width]) => (
                  <TableHeaderCell key={h} style={{ width }}>
                    {h}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.custody.map((k) => (
                <TableRow key={k.keyId}>
                  <TableCell>{custodyText.key(k)}</TableCell>
                  <TableCell>{custodyText.type(k)}</TableCell>
                  <TableCell>{custodyText.hsm(k)}</TableCell>
                  <TableCell>{dayOf(k.created)}</TableCell>
                  <TableCell>{custodyText.expires(k)}</TableCell>
                  <TableCell>{custodyText.rotation(k)}</TableCell>
                  <TableCell>{k.lastRotation?.slice(0, 10) ?? '—'}</TableCell>
                  <TableCell>{custodyText.purgeProtection(k)}</TableCell>
                  <TableCell>
                    {k.holders.length > 0 ? (
                      <ul className={s.holderList}>
                        {k.holders.map((h, i) => (
                          <li key={`${h.principalId}-${i}`}>
                            {h.name}
                            <Caption1 className={s.muted}> · {h.how}</Caption1>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      custodyText.holders(k)
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section className={s.section} aria-labelledby="blast">
        <Subtitle1 as="h2" id="blast">
          Blast radius
        </Subtitle1>
        <Caption1 className={s.muted}>What stops if a key is disabled, deleted or its access revoked, largest first.</Caption1>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }} aria-label="Blast radius by key">
          {c.custody.map((k) => (
            <li key={k.keyId} className={s.barRow}>
              <Body1>
                {k.vault} / {k.key}
              </Body1>
              <div className={s.bar} style={{ width: `${Math.max(2, (k.blast.capacityGiB / maxBlast) * 100)}%` }} aria-hidden="true" />
              <Caption1>
                {k.blast.servers} servers · {(k.blast.capacityGiB / 1024).toFixed(1)} TiB
              </Caption1>
            </li>
          ))}
        </ul>
      </section>

      <section className={s.section} aria-labelledby="upcoming">
        <Subtitle1 as="h2" id="upcoming">
          Next 90 days
        </Subtitle1>
        {c.upcoming.length === 0 ? (
          <Body1>No key expires or rotates in the next 90 days.</Body1>
        ) : (
          <>
            <UpcomingTimeline events={c.upcoming} now={c.now} />
            <ol aria-label="Upcoming key events">
              {c.upcoming.map((u) => (
                <li key={`${u.keyId}-${u.kind}-${u.at}`}>
                  <Body1>
                    {localDay(u.at)} · {u.kind === 'expiry' ? 'expires' : 'rotates'} · {u.vault} / {u.key} ({inDays(u.at, c.now)})
                  </Body1>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}

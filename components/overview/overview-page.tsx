'use client';

import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Subtitle1,
  Text,
  ToolbarButton,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, HomeRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { NAV } from '@/config/nav';
import { useArm } from '@/lib/queries/arm-context';
import { useOfflineEstate, type OfflineEstate } from '@/lib/queries/estate';
import { directoryQuery, subscriptionsQuery } from '@/lib/queries/subscriptions';
import { ArmErrorBar } from '../common/arm-error-bar';
import { EmptyState } from '../common/empty-state';
import { useLockstepConfig } from '../providers/config-context';
import { PageHeader } from '../shell/page-header';
import { Essentials } from './essentials';
import { ReadinessSummary } from './readiness-summary';
import { SubscriptionsTable } from './subscriptions-table';
import { useSession } from '@/lib/auth/session-context';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionHead: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
  signedIn: { display: 'flex', flexDirection: 'column' },
  upn: { color: tokens.colorNeutralForeground2 },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  cardIcon: { fontSize: '24px', color: tokens.colorBrandForeground1 },
  card: { height: '100%' },
});

export function OverviewPage() {
  const offline = useOfflineEstate();
  return offline ? <OfflineOverview offline={offline} /> : <LiveOverview />;
}

/** A capture opened from a file: everything comes from the file, nothing from Azure. */
function OfflineOverview({ offline }: { offline: OfflineEstate }) {
  const s = useStyles();
  const f = offline.file;
  return (
    <>
      <PageHeader title="Overview" icon={HomeRegular} description="An estate capture opened for offline review: nothing is read from Azure." />
      <Essentials
        label="Essentials"
        items={[
          { key: 'Directory', value: f.tenantDisplayName ?? '—' },
          { key: 'Directory (tenant) ID', value: f.tenantId, copy: f.tenantId },
          { key: 'File', value: offline.fileName },
          { key: 'Captured at', value: f.capturedAt },
          { key: 'Subscriptions', value: String(f.subscriptions.length) },
          { key: 'Judged as of', value: f.capturedAt },
        ]}
      />
      <ReadinessSummary />
      <section className={s.section} aria-labelledby="subs-title">
        <Subtitle1 as="h2" id="subs-title">
          Subscriptions in the capture
        </Subtitle1>
        <SubscriptionsTable
          rows={f.subscriptions.map((x) => ({
            id: `/subscriptions/${x.subscriptionId}`,
            subscriptionId: x.subscriptionId,
            displayName: x.displayName,
            state: x.state,
            tenantId: x.tenantId,
          }))}
        />
      </section>
    </>
  );
}

function LiveOverview() {
  const s = useStyles();
  const arm = useArm();
  const router = useRouter();
  const config = useLockstepConfig();
  const { account } = useSession();
  const subs = useQuery(subscriptionsQuery(arm));
  const directory = useQuery(directoryQuery(arm, account?.tenantId));

  const refresh = () => {
    void subs.refetch();
    void directory.refetch();
  };

  return (
    <>
      <PageHeader
        title="Overview"
        icon={HomeRegular}
        description="Your directory, the subscriptions you can see, and where to start."
        commands={
          <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={refresh} disabled={subs.isFetching}>
            Refresh
          </ToolbarButton>
        }
      />
      <Essentials
        label="Essentials"
        items={[
          { key: 'Directory', value: directory.data?.displayName ?? (directory.isPending ? 'Loading…' : directory.isError ? 'Could not be read' : '—') },
          { key: 'Default domain', value: directory.data?.defaultDomain ?? '—' },
          { key: 'Directory (tenant) ID', value: account?.tenantId ?? '—', copy: account?.tenantId },
          {
            key: 'Signed in as',
            // The name, then the sign-in name under it; a long one breaks after its @, not inside a word.
            value: account ? (
              <span className={s.signedIn}>
                <span>{account.name}</span>
                <span className={s.upn}>
                  {account.username.split('@')[0]}
                  {account.username.includes('@') && (
                    <>
                      @<wbr />
                      {account.username.split('@').slice(1).join('@')}
                    </>
                  )}
                </span>
              </span>
            ) : (
              '—'
            ),
          },
          { key: 'Cloud', value: `${config.cloud.displayName} · ${config.cloud.armEndpoint}` },
          { key: 'Subscriptions', value: subs.data ? String(subs.data.length) : subs.isPending ? 'Loading…' : 'Could not be read' },
        ]}
      />
      {directory.isError && <ArmErrorBar error={directory.error} onRetry={() => void directory.refetch()} />}

      <ReadinessSummary />

      <section className={s.section} aria-labelledby="subs-title">
        <div className={s.sectionHead}>
          <Subtitle1 as="h2" id="subs-title">
            Subscriptions
          </Subtitle1>
          {subs.data && (
            <Caption1 className={s.muted} aria-live="polite">
              {subs.isError
                ? `Showing ${subs.data.length} ${subs.data.length === 1 ? 'subscription' : 'subscriptions'} from the last successful read at ${new Date(subs.dataUpdatedAt).toLocaleTimeString()}; the latest refresh failed`
                : `Showing ${subs.data.length} ${subs.data.length === 1 ? 'subscription' : 'subscriptions'} you can see`}
            </Caption1>
          )}
        </div>
        {subs.isPending && (
          <Skeleton aria-label="Loading subscriptions">
            {[0, 1, 2].map((i) => (
              <SkeletonItem key={i} size={32} style={{ marginBottom: 8 }} />
            ))}
          </Skeleton>
        )}
        {subs.isError && <ArmErrorBar error={subs.error} onRetry={() => void subs.refetch()} />}
        {subs.data && subs.data.length > 0 && <SubscriptionsTable rows={subs.data} />}
        {subs.data && subs.data.length === 0 && (
          <EmptyState icon={<PeopleTeamRegular />} title="No subscriptions to show">
            Your account has no Azure role on any subscription in this directory, so Lockstep has nothing to read. Ask a subscription Owner to give you Reader
            (to review) or Contributor (to set up encryption) on the subscriptions Azure Migrate uses, then refresh.
          </EmptyState>
        )}
      </section>

      <section className={s.section} aria-labelledby="next-title">
        <Subtitle1 as="h2" id="next-title">
          Where to next
        </Subtitle1>
        <div className={s.cards}>
          {NAV.filter((n) => n.href !== '/overview/').map((n) => {
            const Icon = n.icon;
            return (
              <Card key={n.href} className={s.card} onClick={() => router.push(n.href)} aria-label={n.title}>
                <CardHeader
                  image={<Icon className={s.cardIcon} />}
                  header={
                    <Link
                      href={n.href}
                      onClick={(e) => {
                        e.preventDefault();
                        router.push(n.href);
                      }}
                    >
                      <Text weight="semibold">{n.title}</Text>
                    </Link>
                  }
                />
                <Body1 className={s.muted}>{n.description}</Body1>
              </Card>
            );
          })}
        </div>
      </section>
    </>
  );
}

'use client';

import { Caption1, makeStyles, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { KeyMultipleRegular } from '@fluentui/react-icons';
import type { SubscriptionRow } from '@/lib/queries/subscriptions';
import { StatusBadge } from '../common/status-badge';

const useStyles = makeStyles({
  wrap: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  count: { color: tokens.colorNeutralForeground2 },
});

function stateStatus(state: string) {
  if (state === 'Enabled') return 'healthy' as const;
  if (state === 'Warned' || state === 'PastDue') return 'warning' as const;
  if (state === 'Disabled' || state === 'Deleted') return 'critical' as const;
  return 'unknown' as const;
}

export function SubscriptionsTable({ rows }: { rows: SubscriptionRow[] }) {
  const s = useStyles();
  return (
    <div className={s.wrap}>
      <Table aria-label="Subscriptions" size="medium">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Subscription name</TableHeaderCell>
            <TableHeaderCell>Subscription ID</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Offer</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.subscriptionId}>
              <TableCell>
                <TableCellLayout media={<KeyMultipleRegular aria-hidden="true" />}>{r.displayName}</TableCellLayout>
              </TableCell>
              <TableCell>
                <span className={s.mono}>{r.subscriptionId}</span>
              </TableCell>
              <TableCell>
                <StatusBadge status={stateStatus(r.state)} label={r.state} />
              </TableCell>
              <TableCell>
                <Caption1 className={s.count}>{r.quotaId?.replace(/_\d{4}-\d{2}-\d{2}$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') ?? '—'}</Caption1>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

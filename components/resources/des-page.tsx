'use client';

import { Caption1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, ToolbarButton, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useRouter } from 'next/navigation';
import { useWriteAccess } from '@/lib/queries/write-access';
import { useMemo, useState } from 'react';
import { rawResource } from '@/lib/estate/normalize';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { desRows } from '@/lib/readiness/resource-rows';
import { EmptyState } from '../common/empty-state';
import { HealthBadge } from '../common/verdict-badge';
import { PageHeader } from '../shell/page-header';
import { ReadinessFrame } from './readiness-frame';
import { ResourceDrawer } from './resource-drawer';

const useStyles = makeStyles({
  wrap: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
  },
  row: { cursor: 'pointer' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function DiskEncryptionSetsPage() {
  const { refetch, isFetching } = useReadiness();
  const access = useWriteAccess();
  const router = useRouter();
  return (
    <>
      <PageHeader
        title="Disk encryption sets"
        icon={LockClosedRegular}
        description="The DES each replica will use, and the health of its key and access grant."
        commands={
          <>
            {access.any && (
              <ToolbarButton icon={<AddRegular />} onClick={() => router.push('/disk-encryption-sets/create/')}>
                Create disk encryption set
              </ToolbarButton>
            )}
            <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => void refetch()} disabled={isFetching}>
              Refresh
            </ToolbarButton>
          </>
        }
      />
      <ReadinessFrame>{(r) => <DesTable readiness={r} />}</ReadinessFrame>
    </>
  );
}

function DesTable({ readiness }: { readiness: Readiness }) {
  const s = useStyles();
  const [open, setOpen] = useState<string>();
  const rows = useMemo(() => desRows(readiness.estate, readiness.evaluation), [readiness]);
  const current = rows.find((r) => r.id === open);
  if (rows.length === 0) {
    return (
      <EmptyState icon={<LockClosedRegular />} title="No disk encryption sets">
        None of the subscriptions you can see has a disk encryption set. Replicas will land with platform-managed keys until one exists in each target
        subscription and region.
      </EmptyState>
    );
  }
  return (
    <>
      <Caption1 className={s.muted}>Showing {rows.length} disk encryption sets</Caption1>
      <div className={s.wrap}>
        <Table aria-label="Disk encryption sets" size="small">
          <TableHeader>
            <TableRow>
              {['Name', 'Health', 'Subscription', 'Region', 'Encryption', 'Key vault / key', 'Auto-rotation', 'Servers', 'Capacity'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} className={s.row} tabIndex={0} onClick={() => setOpen(r.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(r.id)}>
                <TableCell>{r.name}</TableCell>
                <TableCell>
                  <HealthBadge health={r.health} />
                </TableCell>
                <TableCell>{r.subscription}</TableCell>
                <TableCell>{r.location}</TableCell>
                <TableCell>{r.encryptionType}</TableCell>
                <TableCell>
                  {r.vaultName} / {r.keyName}
                </TableCell>
                <TableCell>{r.autoRotation}</TableCell>
                <TableCell>{r.servers}</TableCell>
                <TableCell>{r.capacityGiB} GiB</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ResourceDrawer
        title={current?.name}
        kind="Disk encryption set"
        onClose={() => setOpen(undefined)}
        findings={current?.findings ?? []}
        raw={current ? rawResource(readiness.estate, current.id) : undefined}
        essentials={
          current
            ? [
                { key: 'Resource group', value: current.resourceGroup },
                { key: 'Subscription', value: current.subscription },
                { key: 'Location', value: current.location },
                { key: 'Encryption type', value: current.encryptionType },
                { key: 'Identity', value: current.identity },
                { key: 'Key', value: `${current.vaultName} / ${current.keyName} / ${current.keyVersion}` },
                { key: 'Auto key rotation', value: current.autoRotation },
                { key: 'Depends on it', value: `${current.servers} servers, ${current.capacityGiB} GiB of disks` },
              ]
            : []
        }
      />
    </>
  );
}

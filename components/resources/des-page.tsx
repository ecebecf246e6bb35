'use client';

import { ToolbarButton } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useRouter } from 'next/navigation';
import { useWriteAccess } from '@/lib/queries/write-access';
import { useMemo } from 'react';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { desRows, type DesRow } from '@/lib/readiness/resource-rows';
import { HealthBadge } from '../common/verdict-badge';
import { PageHeader } from '../shell/page-header';
import { ReadinessFrame } from './readiness-frame';
import { ResourceList, type ResourceColumn } from './resource-list';

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

const COLUMNS: ResourceColumn<DesRow>[] = [
  { title: 'Name', width: 190, cell: (r) => r.name },
  { title: 'Health', width: 110, cell: (r) => <HealthBadge health={r.health} /> },
  { title: 'Subscription', width: 200, cell: (r) => r.subscription },
  { title: 'Region', width: 110, cell: (r) => r.location },
  { title: 'Encryption', width: 150, cell: (r) => r.encryptionType },
  { title: 'Key vault / key', width: 230, cell: (r) => `${r.vaultName} / ${r.keyName}` },
  { title: 'Auto-rotation', width: 120, cell: (r) => r.autoRotation },
  { title: 'Servers', width: 80, cell: (r) => r.servers },
  { title: 'Capacity', width: 100, cell: (r) => `${r.capacityGiB} GiB` },
];

function DesTable({ readiness }: { readiness: Readiness }) {
  const rows = useMemo(() => desRows(readiness.estate, readiness.evaluation), [readiness]);
  return (
    <ResourceList
      readiness={readiness}
      label="Disk encryption sets"
      rows={rows}
      columns={COLUMNS}
      empty={{
        icon: <LockClosedRegular />,
        title: 'No disk encryption sets',
        body: 'None of the subscriptions you can see has a disk encryption set. Replicas will land with platform-managed keys until one exists in each target subscription and region.',
      }}
      blade={(r) => ({
        kind: 'Disk encryption set',
        essentials: [
          { key: 'Resource group', value: r.resourceGroup },
          { key: 'Resource ID', value: r.id, copy: r.id },
          { key: 'Subscription', value: r.subscription },
          { key: 'Location', value: r.location },
          { key: 'Encryption type', value: r.encryptionType },
          { key: 'Identity', value: r.identity },
          { key: 'Key', value: `${r.vaultName} / ${r.keyName} / ${r.keyVersion}` },
          { key: 'Auto key rotation', value: r.autoRotation },
          { key: 'Depends on it', value: `${r.servers} servers, ${r.capacityGiB} GiB of disks` },
        ],
      })}
    />
  );
}

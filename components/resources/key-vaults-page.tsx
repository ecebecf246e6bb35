'use client';

import {
  Caption1,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  ToolbarButton,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, KeyRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { locksOn, vaultRows, type KeyRow, type VaultRow } from '@/lib/readiness/resource-rows';
import { HealthBadge } from '../common/verdict-badge';
import { PageHeader } from '../shell/page-header';
import { ReadinessFrame } from './readiness-frame';
import { ResourceList, type ResourceColumn } from './resource-list';

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground2 } });

export function expiryText(days: number | undefined): string {
  if (days === undefined) return 'No expiry';
  if (days < 0) return `Expired ${-days} days ago`;
  if (days === 0) return 'Expires today';
  return `Expires in ${days} days`;
}

export function KeyVaultsPage() {
  const { refetch, isFetching } = useReadiness();
  return (
    <>
      <PageHeader
        title="Key vaults"
        icon={KeyRegular}
        description="Vaults holding customer-managed keys: purge protection, keys, rotation, access."
        commands={
          <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => void refetch()} disabled={isFetching}>
            Refresh
          </ToolbarButton>
        }
      />
      <ReadinessFrame>{(r) => <VaultTable readiness={r} />}</ReadinessFrame>
    </>
  );
}

function KeysTable({ keys }: { keys: KeyRow[] }) {
  return (
    <section aria-labelledby="keys-title">
      <Subtitle2 as="h2" id="keys-title">
        Keys ({keys.length})
      </Subtitle2>
      <Table size="small" aria-label="Keys">
        <TableHeader>
          <TableRow>
            {['Key', 'Type', 'Enabled', 'Expiry', 'Rotation', 'Used by'].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((k) => (
            <TableRow key={k.id}>
              <TableCell>{k.name}</TableCell>
              <TableCell>
                {k.kty}
                {k.keySize ? ` ${k.keySize}` : ''}
              </TableCell>
              <TableCell>{k.enabled === false ? 'Disabled' : k.enabled === true ? 'Enabled' : '—'}</TableCell>
              <TableCell>{expiryText(k.expiresInDays)}</TableCell>
              <TableCell>{k.rotates ? 'Rotates' : 'Not rotated'}</TableCell>
              <TableCell>{k.usedBy.join(', ') || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

const HSM_KEYS = 'Not visible through ARM';
const COLUMNS: ResourceColumn<VaultRow>[] = [
  { title: 'Name', width: 200, cell: (r) => <VaultName row={r} /> },
  { title: 'Health', width: 110, cell: (r) => <HealthBadge health={r.health} /> },
  { title: 'Subscription', width: 200, cell: (r) => r.subscription },
  { title: 'Region', width: 110, cell: (r) => r.location },
  { title: 'Permission model', width: 150, cell: (r) => r.permissionModel },
  { title: 'Purge protection', width: 145, cell: (r) => r.purgeProtection },
  { title: 'Network', width: 150, cell: (r) => r.network },
  // A Managed HSM's keys live in its data plane: say so rather than show "0" and "No expiry".
  { title: 'Keys', width: 70, cell: (r) => (r.kind === 'Managed HSM' ? HSM_KEYS : r.keys.length) },
  { title: 'Nearest expiry', width: 140, cell: (r) => (r.kind === 'Managed HSM' ? HSM_KEYS : expiryText(r.nearestExpiryDays)) },
  { title: 'DES', width: 60, cell: (r) => r.desCount },
];

function VaultName({ row }: { row: VaultRow }) {
  const s = useStyles();
  return (
    <span title={row.kind === 'Managed HSM' ? `${row.name} · Managed HSM` : row.name}>
      {row.name}
      {row.kind === 'Managed HSM' && (
        <Caption1 wrap={false} className={s.muted}>
          {' '}
          · Managed HSM
        </Caption1>
      )}
    </span>
  );
}

function VaultTable({ readiness }: { readiness: Readiness }) {
  const s = useStyles();
  const now = Date.parse(readiness.evaluation.evaluatedAt) / 1000;
  const rows = useMemo(() => vaultRows(readiness.estate, readiness.evaluation, now), [readiness, now]);
  return (
    <ResourceList
      readiness={readiness}
      label="Key vaults"
      rows={rows}
      columns={COLUMNS}
      empty={{
        icon: <KeyRegular />,
        title: 'No key vaults',
        body: 'None of the subscriptions you can see has a key vault. A disk encryption set needs a vault with soft delete and purge protection in its region.',
      }}
      blade={(r) => ({
        kind: r.kind,
        essentials: [
          { key: 'Resource group', value: r.resourceGroup },
          { key: 'Resource ID', value: r.id, copy: r.id },
          { key: 'Subscription', value: r.subscription },
          { key: 'Location', value: r.location },
          { key: 'Pricing tier', value: r.sku },
          { key: 'Permission model', value: r.permissionModel },
          { key: 'Soft delete', value: r.softDelete },
          { key: 'Purge protection', value: r.purgeProtection },
          { key: 'Network', value: r.network },
          ...(r.securityDomain ? [{ key: 'Security domain', value: r.securityDomain }] : []),
          { key: 'Locks', value: locksOn(readiness.estate, r.id).join('; ') || 'None' },
          { key: 'Disk encryption sets', value: String(r.desCount) },
        ],
        children:
          r.kind === 'Managed HSM' ? (
            <Caption1 className={s.muted}>
              Keys and local role assignments of a Managed HSM are in its own data plane, which ARM does not show. List them with{' '}
              <code>az keyvault key list --hsm-name {r.name}</code> and <code>az keyvault role assignment list --hsm-name {r.name}</code>.
            </Caption1>
          ) : (
            <KeysTable keys={r.keys} />
          ),
      })}
    />
  );
}

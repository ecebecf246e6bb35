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
import { useMemo, useState } from 'react';
import { rawResource } from '@/lib/estate/normalize';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { locksOn, vaultRows, type KeyRow } from '@/lib/readiness/resource-rows';
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

function VaultTable({ readiness }: { readiness: Readiness }) {
  const s = useStyles();
  const [open, setOpen] = useState<string>();
  const now = Date.parse(readiness.evaluation.evaluatedAt) / 1000;
  const rows = useMemo(() => vaultRows(readiness.estate, readiness.evaluation, now), [readiness, now]);
  const current = rows.find((r) => r.id === open);
  if (rows.length === 0) {
    return (
      <EmptyState icon={<KeyRegular />} title="No key vaults">
        None of the subscriptions you can see has a key vault. A disk encryption set needs a vault with soft delete and purge protection in its region.
      </EmptyState>
    );
  }
  return (
    <>
      <Caption1 className={s.muted}>Showing {rows.length} key vaults</Caption1>
      <div className={s.wrap}>
        <Table aria-label="Key vaults" size="small">
          <TableHeader>
            <TableRow>
              {['Name', 'Health', 'Subscription', 'Region', 'Permission model', 'Purge protection', 'Network', 'Keys', 'Nearest expiry', 'DES'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} className={s.row} tabIndex={0} onClick={() => setOpen(r.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(r.id)}>
                <TableCell>
                  {r.name}
                  {r.kind === 'Managed HSM' && <Caption1 className={s.muted}> · Managed HSM</Caption1>}
                </TableCell>
                <TableCell>
                  <HealthBadge health={r.health} />
                </TableCell>
                <TableCell>{r.subscription}</TableCell>
                <TableCell>{r.location}</TableCell>
                <TableCell>{r.permissionModel}</TableCell>
                <TableCell>{r.purgeProtection}</TableCell>
                <TableCell>{r.network}</TableCell>
                {/* A Managed HSM's keys live in its data plane: say so rather than show "0" and "No expiry". */}
                <TableCell>{r.kind === 'Managed HSM' ? 'Not visible through ARM' : r.keys.length}</TableCell>
                <TableCell>{r.kind === 'Managed HSM' ? 'Not visible through ARM' : expiryText(r.nearestExpiryDays)}</TableCell>
                <TableCell>{r.desCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ResourceDrawer
        title={current?.name}
        kind={current?.kind ?? 'Key vault'}
        onClose={() => setOpen(undefined)}
        findings={current?.findings ?? []}
        raw={current ? rawResource(readiness.estate, current.id) : undefined}
        essentials={
          current
            ? [
                { key: 'Resource group', value: current.resourceGroup },
                { key: 'Subscription', value: current.subscription },
                { key: 'Location', value: current.location },
                { key: 'Pricing tier', value: current.sku },
                { key: 'Permission model', value: current.permissionModel },
                { key: 'Soft delete', value: current.softDelete },
                { key: 'Purge protection', value: current.purgeProtection },
                { key: 'Network', value: current.network },
                ...(current.securityDomain ? [{ key: 'Security domain', value: current.securityDomain }] : []),
                { key: 'Locks', value: locksOn(readiness.estate, current.id).join('; ') || 'None' },
                { key: 'Disk encryption sets', value: String(current.desCount) },
              ]
            : []
        }
      >
        {current &&
          (current.kind === 'Managed HSM' ? (
            <Caption1 className={s.muted}>
              Keys and local role assignments of a Managed HSM are in its own data plane, which ARM does not show. List them with{' '}
              <code>az keyvault key list --hsm-name {current.name}</code> and <code>az keyvault role assignment list --hsm-name {current.name}</code>.
            </Caption1>
          ) : (
            <KeysTable keys={current.keys} />
          ))}
      </ResourceDrawer>
    </>
  );
}

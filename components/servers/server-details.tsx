'use client';

import {
  Body1,
  Button,
  Caption1,
  DrawerBody,
  shorthands,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowRightRegular, DatabaseRegular, DismissRegular, KeyRegular, LockClosedRegular, PersonRegular, ShieldLockRegular } from '@fluentui/react-icons';
import { useMemo, useState, type ReactNode } from 'react';
import { chainOf, type ChainLink } from '@/lib/readiness/rows';
import type { LandedVm, ReplicatingServer } from '@/lib/estate/model';
import type { Verdict } from '@/lib/readiness/types';
import type { Readiness } from '@/lib/queries/estate';
import { normalizeId } from '@/lib/estate/ids';
import { rawResource } from '@/lib/estate/ids';
import { FindingCard } from '../common/finding-card';
import { healthLabel, VerdictBadge } from '../common/verdict-badge';
import { CodeBlock } from '../common/code-block';
import { Essentials } from '../overview/essentials';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  chain: { display: 'flex', alignItems: 'stretch', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0 },
  link: {
    width: '120px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: '2px',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  healthy: { ...shorthands.borderColor(tokens.colorPaletteGreenBorder2) },
  warning: { ...shorthands.borderColor(tokens.colorPaletteYellowBorder2) },
  critical: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2), backgroundColor: tokens.colorPaletteRedBackground1 },
  unknown: { ...shorthands.borderStyle('dashed') },
  none: { opacity: 0.6 },
  icon: { fontSize: '24px' },
  arrow: { alignSelf: 'center', color: tokens.colorNeutralForeground3 },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const ICONS = { disk: DatabaseRegular, des: LockClosedRegular, vault: ShieldLockRegular, key: KeyRegular, access: PersonRegular };
const KIND: Record<ChainLink['kind'], string> = { disk: 'Disks', des: 'Disk encryption set', vault: 'Key vault', key: 'Key', access: 'Access' };

/** What the portal's Essentials shows for a replicating server: where it runs and lands, how it replicates, its verdict. */
function essentialsOf(readiness: Readiness, server: ReplicatingServer, verdict: Verdict): { key: string; value: ReactNode; copy?: string }[] {
  const row = readiness.rows.find((r) => normalizeId(r.id) === normalizeId(server.id));
  const name = (id: string | undefined) => (id ? (id.split('/').pop() ?? id) : '—');
  return [
    { key: 'Verdict', value: <VerdictBadge verdict={verdict} /> },
    {
      key: 'Replication',
      value: `${server.migrationStateDescription ?? server.migrationState ?? '—'}${server.seedingProgress !== undefined ? ` · ${server.seedingProgress}%` : ''}`,
    },
    { key: 'Method', value: server.method === 'agent-based' ? `Agent-based (${server.provider})` : `Agentless (${server.provider})` },
    { key: 'Project', value: row?.project ?? name(server.projectId) },
    { key: 'Recovery Services vault', value: name(server.vaultId) },
    { key: 'Subscription', value: row?.subscription ?? server.subscriptionId },
    { key: 'Target', value: `${server.targetRegion ?? '—'} · ${name(server.targetResourceGroupId)}` },
    { key: 'Target VM', value: `${server.vmName ?? '—'}${server.vmSize ? ` (${server.vmSize})` : ''}` },
    { key: 'Disks', value: row ? `${row.disks} · ${row.capacityGiB} GiB` : '—' },
    { key: 'Disk encryption set', value: row?.desName || 'None (platform-managed key)' },
    { key: 'Item ID', value: server.itemName, copy: server.id },
  ];
}

/** The details blade: Essentials, the chain as a picture, each finding with its fix, the disks and the raw item. */
export function ServerDetails({ readiness, serverId, onClose }: { readiness: Readiness; serverId: string | undefined; onClose: () => void }) {
  const s = useStyles();
  const [json, setJson] = useState(false);
  const server = readiness.estate.servers.find((x) => serverId && normalizeId(x.id) === normalizeId(serverId));
  const result = readiness.evaluation.servers.find((x) => serverId && normalizeId(x.id) === normalizeId(serverId));
  const chain = useMemo(() => (serverId ? chainOf(readiness.estate, readiness.evaluation, serverId) : []), [readiness, serverId]);
  return (
    <OverlayDrawer
      open={!!server}
      position="end"
      size="large"
      aria-label={server ? `Replicating server ${server.machineName}` : 'Replicating server'}
      onOpenChange={(_, d) => !d.open && onClose()}
    >
      {server && result && (
        <>
          <DrawerHeader>
            <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>
              {server.machineName}
            </DrawerHeaderTitle>
            <Caption1>
              Replicating server · {server.migrationStateDescription ?? server.migrationState} · target {server.targetRegion}
            </Caption1>
          </DrawerHeader>
          <DrawerBody className={s.body}>
            <Essentials label="Essentials" items={essentialsOf(readiness, server, result.verdict)} />
            <section aria-labelledby="chain-title">
              <Subtitle2 as="h2" id="chain-title">
                Encryption chain
              </Subtitle2>
              <ol className={s.chain} aria-label="Encryption chain">
                {chain.map((link, i) => {
                  const Icon = ICONS[link.kind];
                  return (
                    <li key={link.kind} style={{ display: 'contents' }}>
                      <div
                        className={`${s.link} ${s[link.health]}`}
                        aria-label={`${link.kindLabel ?? KIND[link.kind]}: ${link.label}, ${healthLabel(link.health)}`}
                        data-health={link.health}
                      >
                        <Icon className={s.icon} aria-hidden="true" />
                        <Caption1>{link.kindLabel ?? KIND[link.kind]}</Caption1>
                        <Text weight="semibold" size={200} style={{ overflowWrap: 'anywhere' }}>
                          {link.label}
                        </Text>
                        <Caption1>{healthLabel(link.health)}</Caption1>
                        <Caption1 style={{ overflowWrap: 'anywhere' }}>{link.detail}</Caption1>
                      </div>
                      {i < chain.length - 1 && <ArrowRightRegular className={s.arrow} aria-hidden="true" />}
                    </li>
                  );
                })}
              </ol>
            </section>
            {server.landed && <LandedSection landed={server.landed} estate={readiness.estate} />}
            <section aria-labelledby="findings-title" className={s.findings}>
              <Subtitle2 as="h2" id="findings-title">
                Findings ({result.findings.length})
              </Subtitle2>
              {result.findings.length === 0 && <Body1>Every link of the chain passes every rule.</Body1>}
              {result.findings.map((f) => (
                <FindingCard key={`${f.ruleId}-${f.resourceId}-${f.message}`} finding={f} />
              ))}
            </section>
            <section aria-labelledby="disks-title">
              <Subtitle2 as="h2" id="disks-title">
                Disks
              </Subtitle2>
              <Table size="small" aria-label="Disks">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Disk</TableHeaderCell>
                    <TableHeaderCell>Role</TableHeaderCell>
                    <TableHeaderCell>Size</TableHeaderCell>
                    <TableHeaderCell>Type</TableHeaderCell>
                    <TableHeaderCell>Disk encryption set</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(server.disks ?? []).map((d) => (
                    <TableRow key={d.diskId + d.name}>
                      <TableCell>{d.name}</TableCell>
                      <TableCell>{d.isOsDisk ? 'OS' : 'Data'}</TableCell>
                      <TableCell>{d.sizeBytes ? `${Math.round(d.sizeBytes / 1024 ** 3)} GiB` : '—'}</TableCell>
                      <TableCell>{d.diskType ?? '—'}</TableCell>
                      <TableCell>{d.desId ? d.desId.split('/').pop() : 'None (platform-managed key)'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
            <section aria-labelledby="json-title">
              <Subtitle2 as="h2" id="json-title">
                Resource JSON
              </Subtitle2>
              <Switch label="JSON view" checked={json} onChange={(_, d) => setJson(d.checked)} />
              {json && <CodeBlock label="Resource JSON" text={JSON.stringify(rawResource(readiness.estate, server.id), null, 2)} tall focusable />}
            </section>
          </DrawerBody>
        </>
      )}
    </OverlayDrawer>
  );
}

/** What the completed migration left in Azure: the VM, and for each managed disk the key it is under. */
function LandedSection({ landed, estate }: { landed: LandedVm; estate: Readiness['estate'] }) {
  const name = landed.vmId.split('/').pop();
  const cmk =
    landed.found && landed.disks.length > 0 && landed.disks.every((d) => d.found && d.desId && d.encryptionType !== 'EncryptionAtRestWithPlatformKey');
  return (
    <section aria-labelledby="landed-title">
      <Subtitle2 as="h2" id="landed-title" block>
        What landed
      </Subtitle2>
      {!landed.found ? (
        <Body1 block>VM {name} is not in the capture: see the finding below for why.</Body1>
      ) : (
        <>
          <Body1 block>
            VM {name}
            {cmk ? ': verified, every managed disk is under a customer-managed key.' : '.'} Encryption at host is{' '}
            {landed.encryptionAtHost ? 'on' : 'off (temp disk and host caches are not under the key)'}.
          </Body1>
          <Table size="small" aria-label="Landed disks">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Managed disk</TableHeaderCell>
                <TableHeaderCell>Encrypted with</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {landed.disks.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>{d.name}</TableCell>
                  <TableCell>
                    {!d.found
                      ? 'Could not be read'
                      : d.desId && d.encryptionType !== 'EncryptionAtRestWithPlatformKey'
                        ? `Customer-managed key, through ${estate.diskEncryptionSets.get(normalizeId(d.desId))?.name ?? d.desId.split('/').pop()}`
                        : 'Platform-managed key'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}

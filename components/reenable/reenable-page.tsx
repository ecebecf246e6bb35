'use client';

import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { ArrowRepeatAllRegular } from '@fluentui/react-icons';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { normalizeId, parseResourceId } from '@/lib/estate/ids';
import { newRun } from '@/lib/provisioning/apply';
import { desCandidates, findServer, planReenable, seedHours, WHAT_IS_LOST } from '@/lib/provisioning/reenable';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { usePlanRunner } from '@/lib/queries/plan-runner';
import { usePreflight } from '@/lib/queries/preflight';
import { selectionStore } from '@/lib/queries/selection-store';
import type { StoredRun } from '@/lib/queries/run-store';
import { REENABLE_ACTION, useWriteAccess } from '@/lib/queries/write-access';
import { EmptyState } from '../common/empty-state';
import { HealthBadge, VerdictBadge } from '../common/verdict-badge';
import { ReadinessFrame } from '../resources/readiness-frame';
import { ConfirmDialog, PlanExport, PlanSteps, PreflightView } from '../setup/plan-review';
import { RunView } from '../setup/plan-run';
import { VerdictsBeforeAfter } from '../setup/verdicts-before-after';
import { PageHeader } from '../shell/page-header';
import { CARD } from '../common/card-style';
import { ViewServersButton } from '../common/view-servers-button';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1040px' },
  card: CARD,
  two: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  num: { fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
});

const GiB = 1024 ** 3;
const gib = (bytes: number) => `${Math.round(bytes / GiB).toLocaleString('en')} GiB`;
const duration = (hours: number) =>
  !Number.isFinite(hours)
    ? '—'
    : hours < 1
      ? `${Math.max(1, Math.round(hours * 60))} min`
      : hours < 48
        ? `${hours.toFixed(1)} h`
        : `${(hours / 24).toFixed(1)} days`;

export function ReenablePage() {
  const runner = usePlanRunner();
  const stored = runner.stored?.origin.kind === 'reenable' ? runner.stored : undefined;
  return (
    <>
      <PageHeader
        title="Re-replicate with a disk encryption set"
        icon={ArrowRepeatAllRegular}
        description="Azure Migrate cannot add a disk encryption set to a running replication: stop it and enable it again, with every setting the server had and your key on every disk."
      />
      <ReadinessFrame>{(r) => (stored ? <ReenableRun readiness={r} stored={stored} /> : <Reenable readiness={r} />)}</ReadinessFrame>
    </>
  );
}

function Reenable({ readiness }: { readiness: Readiness }) {
  const s = useStyles();
  const router = useRouter();
  const params = useSearchParams();
  const runner = usePlanRunner();
  const access = useWriteAccess(REENABLE_ACTION);
  const estate = readiness.estate;
  const [now] = useState(() => Math.floor(Date.now() / 1000));
  const [picked] = useState(() => selectionStore.get());
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [mbps, setMbps] = useState('100');
  const [confirming, setConfirming] = useState(false);
  const servers = picked.map((id) => findServer(estate, id)).filter((x) => x !== undefined);
  const included = servers.filter((x) => !excluded.has(x.id));
  // A DES named in the address (the wizard's done page hands over the one it created) is offered first.
  const [chosen, setChosen] = useState<string | undefined>(() => params.get('des') ?? undefined);
  const { candidates, chosen: offered } = desCandidates(estate, readiness.evaluation, included, chosen);
  const desId = offered?.id;
  const includedKey = included.map((x) => x.id).join('\n');
  // The React Compiler memoizes these per input; the plan is rebuilt when the selection, the DES or the estate change.
  const result = desId && includedKey ? planReenable(estate, includedKey.split('\n'), desId, { now }) : undefined;
  const plan = result?.ok ? result.plan : undefined;
  const preflight = usePreflight(plan, estate);
  const rate = Number(mbps);
  const verdictOf = (id: string) => readiness.rows.find((r) => normalizeId(r.id) === normalizeId(id))?.verdict;

  if (servers.length === 0) {
    return (
      <EmptyState icon={<ArrowRepeatAllRegular />} title="No servers selected" action={<ViewServersButton />}>
        Select the servers to re-replicate on Replicating servers, then choose Re-replicate with a DES.
      </EmptyState>
    );
  }
  if (!access.isPending && !servers.some((x) => access.canWrite(x.subscriptionId))) {
    return (
      <EmptyState icon={<ArrowRepeatAllRegular />} title="Your role does not allow re-replicating these servers">
        Stopping and starting replication needs {REENABLE_ACTION} on the Azure Migrate project&apos;s Recovery Services vault (Site Recovery Contributor, or
        Contributor). Export the plan below the selection for someone whose role does, or ask for that role.
      </EmptyState>
    );
  }
  const names = included.map((x) => x.machineName);
  return (
    <div className={s.form}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Replication starts again from the beginning</MessageBarTitle>
          <ul className={s.list}>
            {WHAT_IS_LOST.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>

      <section className={s.card} aria-labelledby="servers-title">
        <Subtitle2 as="h2" id="servers-title" style={{ margin: 0 }}>
          Servers ({included.length} of {servers.length} included)
        </Subtitle2>
        <Table aria-label="Servers to re-replicate" size="small">
          <TableHeader>
            <TableRow>
              {[
                'Include',
                'Server',
                'Lands in',
                'Disks now',
                'Data to seed again',
                `Time at ${Number.isFinite(rate) && rate > 0 ? rate : '?'} Mbps`,
                'Verdict',
              ].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {servers.map((x) => {
              const bytes = (x.disks ?? []).reduce((a, d) => a + (d.sizeBytes ?? 0), 0);
              const des = [...new Set((x.disks ?? []).map((d) => (d.desId ? (parseResourceId(d.desId)?.name ?? d.desId) : 'platform-managed key')))];
              return (
                <TableRow key={x.id}>
                  <TableCell>
                    <Checkbox
                      aria-label={`Include ${x.machineName}`}
                      checked={!excluded.has(x.id)}
                      onChange={(_, d) => {
                        const next = new Set(excluded);
                        if (d.checked) next.delete(x.id);
                        else next.add(x.id);
                        setExcluded(next);
                      }}
                    />
                  </TableCell>
                  <TableCell>{x.machineName}</TableCell>
                  <TableCell>
                    {estate.subscriptions.get(x.targetSubscriptionId?.toLowerCase() ?? '')?.displayName ?? x.targetSubscriptionId} · {x.targetRegion}
                  </TableCell>
                  <TableCell>
                    {x.disks?.length ?? 0} under {des.join(', ') || '—'}
                  </TableCell>
                  <TableCell className={s.num}>{gib(bytes)}</TableCell>
                  <TableCell className={s.num}>{duration(seedHours(bytes, rate))}</TableCell>
                  <TableCell>{verdictOf(x.id) ? <VerdictBadge verdict={verdictOf(x.id)!} /> : '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <div className={s.two}>
          <Field label="Disk encryption set" required hint="Only sets in the servers' target subscription and region are offered; an unhealthy one is refused.">
            <Dropdown
              aria-label="Disk encryption set"
              value={offered?.name ?? ''}
              selectedOptions={desId ? [desId] : []}
              onOptionSelect={(_, d) => d.optionValue && setChosen(d.optionValue)}
              placeholder={candidates.length === 0 ? 'None serves all included servers' : undefined}
            >
              {candidates.map((c) => (
                <Option key={c.id} value={c.id} text={c.name}>
                  {c.name} · {c.vaultName} / {c.keyName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field
            label="Bandwidth for replication (Mbps)"
            hint="What your link gives Azure Migrate; used only for the estimate."
            validationMessage={Number.isFinite(rate) && rate > 0 ? undefined : 'Enter a positive number of megabits per second.'}
          >
            <Input type="number" min={1} value={mbps} onChange={(_, d) => setMbps(d.value)} />
          </Field>
        </div>
        {desId && (
          <div>
            <HealthBadge health={offered!.health} />
          </div>
        )}
        {result?.ok && (
          <Body1>
            In total {gib(result.reseedBytes)} are seeded again: about {duration(seedHours(result.reseedBytes, rate))} at {rate} Mbps, server after server.
          </Body1>
        )}
      </section>

      {result && !result.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Lockstep will not send this</MessageBarTitle>
            <ul className={s.list}>
              {result.problems.map((p) => (
                <li key={p.path + p.message}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {included.length > 0 && candidates.length === 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            No disk encryption set in the estate serves every included server&apos;s target subscription and region. Exclude servers that land elsewhere, or
            create one first.
          </MessageBarBody>
        </MessageBar>
      )}

      {plan && (
        <>
          <PreflightView preflight={preflight.data} isPending={preflight.isPending} error={preflight.error} />
          <PlanSteps plan={plan} />
          <PlanExport plan={plan} baseName="lockstep-re-replicate" formats={['azcli', 'powershell', 'json']} />
        </>
      )}
      <div className={s.footer}>
        <Button appearance="primary" disabled={!plan || preflight.isPending} onClick={() => setConfirming(true)}>
          Re-replicate {included.length} {included.length === 1 ? 'server' : 'servers'}
        </Button>
        <Button onClick={() => router.push('/servers/')}>Cancel</Button>
      </div>
      {plan && (
        <ConfirmDialog
          open={confirming}
          plan={plan}
          blockedSteps={(preflight.data?.steps ?? []).filter((c) => c.allowed === false).map((c) => c.title.charAt(0).toLowerCase() + c.title.slice(1))}
          actionLabel={`Re-replicate ${names.join(', ')}`}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            const verdictsBefore = Object.fromEntries(included.map((x) => [x.id, verdictOf(x.id) ?? '']));
            void runner.start({
              run: newRun(plan, crypto.randomUUID()),
              origin: { kind: 'reenable', serverIds: included.map((x) => x.id), desId: desId!, verdictsBefore },
            });
          }}
        />
      )}
    </div>
  );
}

/** The run, resumable; once it succeeded, each server's verdict before and now. */
function ReenableRun({ readiness, stored }: { readiness: Readiness; stored: StoredRun }) {
  const s = useStyles();
  const runner = usePlanRunner();
  const { isFetching } = useReadiness();
  const origin = stored.origin.kind === 'reenable' ? stored.origin : undefined;
  const done = stored.run.status === 'succeeded';
  const desName = parseResourceId(origin?.desId ?? '')?.name ?? origin?.desId;
  return (
    <div className={s.form}>
      <RunView stored={stored} running={runner.running} onResume={() => void runner.start(stored)} onDiscard={runner.clear} />
      {done && origin && (
        <section className={s.card} aria-labelledby="after-title">
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Replication enabled again with {desName}</MessageBarTitle>
              Initial replication is running for {origin.serverIds.length} {origin.serverIds.length === 1 ? 'server' : 'servers'}; every disk names the disk
              encryption set.
            </MessageBarBody>
          </MessageBar>
          <Subtitle2 as="h2" id="after-title" style={{ margin: 0 }}>
            Verdicts {isFetching ? '(re-reading the estate…)' : ''}
          </Subtitle2>
          <VerdictsBeforeAfter readiness={readiness} serverIds={origin.serverIds} before={origin.verdictsBefore} rereading={isFetching} />
          <Caption1 className={s.muted}>Initial replication takes the time estimated before; the servers page shows its progress.</Caption1>
          <div className={s.footer}>
            <ViewServersButton />
            <Button onClick={runner.clear}>Done</Button>
          </div>
        </section>
      )}
    </div>
  );
}

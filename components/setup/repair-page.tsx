'use client';

import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { normalizeId } from '@/lib/estate/ids';
import { newRun } from '@/lib/provisioning/apply';
import { fixFor, fixSubscription } from '@/lib/provisioning/fixits';
import { ruleById } from '@/lib/readiness/catalog';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { useWriteAccess } from '@/lib/queries/write-access';
import { EmptyState } from '../common/empty-state';
import { FindingCard } from '../common/finding-card';
import { ReadinessFrame } from '../resources/readiness-frame';
import { PageHeader } from '../shell/page-header';
import { usePreflight } from '@/lib/queries/preflight';
import { ConfirmDialog, PlanExport, PlanSteps, PreflightView } from './plan-review';
import { usePlanRunner } from '@/lib/queries/plan-runner';
import { RunView } from './plan-run';
import { ViewServersButton } from '../common/view-servers-button';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A fix-it: the finding, its small plan, the same preflight, confirmation and apply as the wizard. */
export function RepairPage() {
  const params = useSearchParams();
  const ruleId = params.get('rule') ?? '';
  const resourceId = params.get('resource') ?? '';
  const rule = ruleById(ruleId);
  return (
    <>
      <PageHeader
        title={ruleId ? `Repair: ${rule?.title ?? ruleId}` : 'Repair'}
        icon={WrenchRegular}
        description="One repair, checked before it runs, shown as code, applied only after you confirm."
      />
      {!ruleId || !resourceId ? (
        // Reached without a finding (a bookmark, a hand-typed address): say where repairs start instead of judging nothing.
        <EmptyState icon={<WrenchRegular />} title="No repair chosen" action={<ViewServersButton />}>
          A repair starts from a finding: choose Fix on a finding in Replicating servers, Disk encryption sets or Key vaults.
        </EmptyState>
      ) : !rule ? (
        <EmptyState icon={<WrenchRegular />} title="Nothing to repair here">
          {ruleId} is not one of Lockstep&apos;s rules.
        </EmptyState>
      ) : (
        <ReadinessFrame>{(r) => <Repair readiness={r} ruleId={ruleId} resourceId={resourceId} />}</ReadinessFrame>
      )}
    </>
  );
}

function Repair({ readiness, ruleId, resourceId }: { readiness: Readiness; ruleId: string; resourceId: string }) {
  const s = useStyles();
  const router = useRouter();
  const access = useWriteAccess();
  const runner = usePlanRunner();
  const { isFetching } = useReadiness();
  const [confirming, setConfirming] = useState(false);
  const [now] = useState(() => Math.floor(Date.now() / 1000));
  const fix = useMemo(() => fixFor(ruleId, resourceId, readiness.estate, { now }), [ruleId, resourceId, readiness.estate, now]);
  const finding = readiness.evaluation.findings.find((f) => f.ruleId === ruleId && normalizeId(f.resourceId) === normalizeId(resourceId));
  const stored =
    runner.stored?.origin.kind === 'fix' && runner.stored.origin.ruleId === ruleId && normalizeId(runner.stored.origin.resourceId) === normalizeId(resourceId)
      ? runner.stored
      : undefined;
  const preflight = usePreflight(stored ? undefined : fix?.plan, readiness.estate);
  const subscription = fixSubscription(ruleId, resourceId, readiness.estate);

  if (stored) {
    return (
      <div className={s.form}>
        <RunView stored={stored} running={runner.running} onResume={() => void runner.start(stored)} onDiscard={runner.clear} />
        {stored.run.status === 'succeeded' && (
          <MessageBar intent={isFetching || !finding ? 'success' : 'warning'}>
            <MessageBarBody>
              <MessageBarTitle>
                {isFetching ? 'Applied; re-reading the estate…' : finding ? 'Applied, but the finding is still reported' : 'Repaired'}
              </MessageBarTitle>
              {isFetching ? 'The verdicts update in a moment.' : finding ? finding.message : `${ruleId} no longer applies to ${resourceId.split('/').pop()}.`}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={s.footer}>
          <ViewServersButton />
          {stored.run.status === 'succeeded' && <Button onClick={runner.clear}>Done</Button>}
        </div>
      </div>
    );
  }
  if (!access.isPending && !access.canWrite(subscription)) {
    return (
      <EmptyState icon={<WrenchRegular />} title="Your role does not allow this repair">
        Your roles in this subscription do not include writes. The remediation on the rule&apos;s page shows the commands to hand to someone whose role does.
      </EmptyState>
    );
  }
  if (!fix) {
    return (
      <EmptyState icon={<WrenchRegular />} title="Nothing to repair here">
        {finding
          ? `Lockstep cannot repair ${ruleId} on this resource through Azure Resource Manager; follow the remediation on the rule's page.`
          : `${ruleId} is not reported for this resource in the current estate.`}
      </EmptyState>
    );
  }
  return (
    <div className={s.form}>
      {finding && <FindingCard finding={finding} showReach hideFix />}
      <Body1>{fix.title}.</Body1>
      {fix.plan.warnings.map((w) => (
        <MessageBar key={w} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <PreflightView preflight={preflight.data} isPending={preflight.isPending} error={preflight.error} />
      <PlanSteps plan={fix.plan} />
      <PlanExport plan={fix.plan} baseName={`lockstep-fix-${ruleId.toLowerCase()}`} />
      <div className={s.footer}>
        <Button appearance="primary" disabled={preflight.isPending} onClick={() => setConfirming(true)}>
          Apply repair
        </Button>
        <Button onClick={() => router.back()}>Cancel</Button>
      </div>
      <ConfirmDialog
        open={confirming}
        plan={fix.plan}
        blockedSteps={(preflight.data?.steps ?? []).filter((c) => c.allowed === false).map((c) => c.title.charAt(0).toLowerCase() + c.title.slice(1))}
        actionLabel="Apply repair"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void runner.start({ run: newRun(fix.plan, crypto.randomUUID()), origin: { kind: 'fix', ruleId, resourceId, title: fix.title } });
        }}
      />
    </div>
  );
}

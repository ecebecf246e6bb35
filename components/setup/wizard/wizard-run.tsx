'use client';

import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from '@fluentui/react-components';
import { useRouter } from 'next/navigation';
import { normalizeId, parseResourceId } from '@/lib/estate/ids';
import { afterwards } from '@/lib/provisioning/draft';
import { REENABLE_ACTION, useWriteAccess } from '@/lib/queries/write-access';
import { draftStore, selectionStore, type StoredRun } from '@/lib/queries/run-store';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import type { usePlanRunner } from '@/lib/queries/plan-runner';
import { RunView } from '../plan-run';
import { VerdictsBeforeAfter } from '../verdicts-before-after';
import { useWizardStyles } from './styles';
import { ViewServersButton } from '../../common/view-servers-button';

/** The wizard's run and, once it succeeded, the done page: the selected servers' verdicts before and now, and what comes next. */
export function WizardRun({ readiness, stored, runner }: { readiness: Readiness; stored: StoredRun; runner: ReturnType<typeof usePlanRunner> }) {
  const s = useWizardStyles();
  const router = useRouter();
  const { isFetching } = useReadiness();
  const origin = stored.origin.kind === 'wizard' ? stored.origin : undefined;
  const desStep = stored.run.plan.steps.find((x) => x.id === 'des');
  const desId = desStep?.request.url.split('?')[0] ?? '';
  const desName = parseResourceId(desId)?.name ?? '';
  const servers = readiness.estate.servers.filter((x) => origin?.serverIds.some((id) => normalizeId(id) === normalizeId(x.id)));
  const next = afterwards(readiness.estate, servers, desId);
  const done = stored.run.status === 'succeeded';
  // Offered to whoever may stop and start replication in the servers' Azure Migrate vault.
  const replication = useWriteAccess(REENABLE_ACTION);
  const canReenable = next.reEnable.length > 0 && next.reEnable.some((x) => replication.canWrite(x.subscriptionId));
  return (
    <div className={s.form}>
      <RunView stored={stored} running={runner.running} onResume={() => void runner.start(stored)} onDiscard={runner.clear} />
      {done && (
        <section className={s.card} aria-labelledby="done-title">
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Disk encryption set {desName} is ready</MessageBarTitle>
              Its key, vault and access were created and verified.
            </MessageBarBody>
          </MessageBar>
          {servers.length > 0 && (
            <>
              <Subtitle2 as="h2" style={{ margin: 0 }} id="done-title">
                The servers you selected {isFetching ? '(re-reading the estate…)' : ''}
              </Subtitle2>
              <VerdictsBeforeAfter readiness={readiness} serverIds={servers.map((x) => x.id)} before={origin?.verdictsBefore ?? {}} rereading={isFetching} />
            </>
          )}
          <Subtitle2 as="h2" style={{ margin: 0 }}>
            What comes next
          </Subtitle2>
          <ul className={s.list}>
            {next.viaDes.length > 0 && (
              <li>
                {next.viaDes.map((x) => x.machineName).join(', ')} already replicate to {desName}: nothing more to do; their disks land encrypted with your key.
              </li>
            )}
            <li>
              New servers: in Azure Migrate, open <strong>Replicate</strong>, and on the <strong>Target settings</strong> step set{' '}
              <strong>Disk encryption type</strong> to &quot;Encryption at-rest with customer-managed key&quot; and <strong>Disk encryption set</strong> to{' '}
              {desName}. It is offered only for servers whose target subscription and region match it.
            </li>
            {next.reEnable.length > 0 && (
              <li>
                {next.reEnable.map((x) => x.machineName).join(', ')} already replicate without a disk encryption set, and Azure Migrate cannot add one later:
                stop replication for them and enable it again with {desName}. Initial replication then runs again: {next.reseedGiB.toLocaleString('en')} GiB of
                disks will be seeded again.
              </li>
            )}
          </ul>
          <div className={s.footer}>
            {canReenable && (
              <Button
                appearance="primary"
                onClick={() => {
                  selectionStore.set(next.reEnable.map((x) => x.id));
                  runner.clear();
                  draftStore.clear();
                  router.push(`/servers/re-replicate/?des=${encodeURIComponent(desId)}`);
                }}
              >
                Re-replicate {next.reEnable.length} {next.reEnable.length === 1 ? 'server' : 'servers'} with {desName}
              </Button>
            )}
            <ViewServersButton appearance={canReenable ? 'secondary' : 'primary'} />
            <Button onClick={() => router.push('/disk-encryption-sets/')}>Open disk encryption sets</Button>
            <Button
              onClick={() => {
                runner.clear();
                draftStore.clear();
              }}
            >
              Start another setup
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

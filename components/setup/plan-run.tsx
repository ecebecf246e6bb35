'use client';

import { useEffect } from 'react';

import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, DismissCircleFilled, ArrowClockwiseRegular, SkipForwardTabRegular } from '@fluentui/react-icons';
import type { StepRun } from '@/lib/provisioning/apply';
import { handoverScript } from '@/lib/provisioning/preflight';
import type { StoredRun } from '@/lib/queries/run-store';
import { CARD } from '../common/card-style';
import { CodeBlock } from '../common/code-block';

const useStyles = makeStyles({
  card: CARD,
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function StatusIcon({ state }: { state: StepRun }) {
  const s = useStyles();
  switch (state.status) {
    case 'running':
      return <Spinner size="extra-tiny" aria-label="Running" />;
    case 'done':
      return <CheckmarkCircleFilled className={s.ok} aria-label="Done" />;
    case 'existing':
      return <SkipForwardTabRegular aria-label="Already existed" />;
    case 'failed':
      return <DismissCircleFilled className={s.bad} aria-label="Failed" />;
    default:
      return <CircleRegular aria-label="Waiting" />;
  }
}

const STATUS: Record<StepRun['status'], string> = { pending: 'Waiting', running: 'Running', done: 'Done', existing: 'Already existed', failed: 'Failed' };

/** Progress per step, each with the request as sent and its result; a failure in words with Resume. */
export function RunView({ stored, running, onResume, onDiscard }: { stored: StoredRun; running: boolean; onResume: () => void; onDiscard: () => void }) {
  const s = useStyles();
  const { run } = stored;
  const steps = run.plan.steps;
  const finished = steps.filter((x) => ['done', 'existing'].includes(run.steps[x.id]!.status)).length;
  const failed = steps.find((x) => run.steps[x.id]!.status === 'failed');
  const failure = failed ? run.steps[failed.id]!.error : undefined;
  const current = steps.find((x) => run.steps[x.id]!.status === 'running');
  const interrupted = !running && run.status === 'running';
  // The confirmation that started this run is gone: the keyboard lands on the run's heading, not on the page's body.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) document.getElementById('run-title')?.focus();
  }, []);
  return (
    <section className={s.card} aria-labelledby="run-title">
      <Subtitle2 as="h2" style={{ margin: 0 }} id="run-title" tabIndex={-1}>
        {run.status === 'succeeded' ? 'Applied' : failed ? 'Stopped' : interrupted ? 'Interrupted' : 'Applying'}: {finished} of {steps.length} steps
      </Subtitle2>
      <Field
        validationState="none"
        validationMessage={
          current
            ? `${current.title}…`
            : run.status === 'succeeded'
              ? 'Every step finished.'
              : failed
                ? `Stopped at: ${failed.title}`
                : interrupted
                  ? 'The page was closed or reloaded while this ran. Resume continues where it stopped; finished steps are not repeated.'
                  : ''
        }
      >
        <ProgressBar aria-label="Apply progress" value={finished / steps.length} color={failed ? 'error' : run.status === 'succeeded' ? 'success' : 'brand'} />
      </Field>
      {failure && failed && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{failure.title}</MessageBarTitle>
            {failure.detail} {failure.next}
            {failure.deniedAction && (
              <>
                <Body1 block>Someone with {failure.rolesThatGrant?.join(' or ') ?? 'the right role'} can run this step for you:</Body1>
                <CodeBlock
                  label="Command to hand over"
                  text={handoverScript(run.plan, run.steps[failed.id]?.sent ? { ...failed, request: run.steps[failed.id]!.sent!, bindings: [] } : failed)}
                  tall
                />
              </>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onResume} disabled={running}>
              Resume
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {interrupted && (
        <div className={s.actions}>
          <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onResume}>
            Resume
          </Button>
          <Button onClick={onDiscard}>Discard this run</Button>
        </div>
      )}
      <Accordion multiple collapsible aria-label="Steps">
        {steps.map((step, i) => {
          const state = run.steps[step.id]!;
          return (
            <AccordionItem key={step.id} value={step.id}>
              <AccordionHeader>
                <span className={s.head} aria-label={`Step ${i + 1}: ${step.title}: ${STATUS[state.status]}`}>
                  <StatusIcon state={state} />
                  {i + 1}. {step.title}
                  <Caption1 className={s.muted}>
                    {STATUS[state.status]}
                    {state.attempts > 1 ? ` · ${state.attempts} attempts` : ''}
                  </Caption1>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {state.note && <Body1 block>{state.note}</Body1>}
                <CodeBlock
                  label={`Request ${i + 1} as sent`}
                  text={`${(state.sent ?? step.request).method} ${(state.sent ?? step.request).url}${(state.sent ?? step.request).body ? `\n\n${JSON.stringify((state.sent ?? step.request).body, null, 2)}` : ''}`}
                  tall
                />
                {state.result !== undefined && (
                  <>
                    <Caption1>Result</Caption1>
                    <CodeBlock label={`Result of step ${i + 1}`} text={JSON.stringify(state.result, null, 2)} tall />
                  </>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

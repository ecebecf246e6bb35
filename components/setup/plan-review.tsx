'use client';

import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, CheckmarkCircleFilled, DismissCircleFilled, QuestionCircleRegular, WarningFilled } from '@fluentui/react-icons';
import { useState } from 'react';
import { pendingRequests, type Plan } from '@/lib/provisioning/steps';
import type { Preflight } from '@/lib/provisioning/preflight';
import { renderArmJson, renderAzCli, renderBicep, renderPowerShell } from '@/lib/provisioning/render';
import { downloadText } from '../common/download';
import { CodeBlock, CopyButton } from '../common/code-block';
import { reveal } from '@/lib/estate/display';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  checks: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  check: { display: 'grid', gridTemplateColumns: '24px 1fr', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  method: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** The preflight: may the user do each step, and if not, who can and what to hand them. */
export function PreflightView({ preflight, isPending, error }: { preflight?: Preflight; isPending: boolean; error?: unknown }) {
  const s = useStyles();
  return (
    <section className={s.card} aria-labelledby="preflight-title">
      <Subtitle2 as="h2" style={{ margin: 0 }} id="preflight-title">
        Preflight
      </Subtitle2>
      <Caption1 className={s.muted}>
        Your effective permissions at each step&apos;s scope (Azure&apos;s permissions API) and the names that must be free. Nothing has been written.
      </Caption1>
      {isPending && <Spinner size="tiny" label="Checking your permissions…" />}
      {!!error && <Body1>The preflight could not run: {String((error as Error).message ?? error)}</Body1>}
      {preflight && (
        <ul className={s.checks} aria-label="Preflight checks">
          {preflight.names.map((n) => (
            <li key={n.name} className={s.check}>
              {n.available ? <CheckmarkCircleFilled className={s.ok} aria-label="Passed" /> : <DismissCircleFilled className={s.bad} aria-label="Failed" />}
              <Body1>
                Key vault name <strong>{n.name}</strong> {n.available ? 'is available' : 'is not available'}
                {n.message ? `: ${n.message}` : '.'}
              </Body1>
            </li>
          ))}
          {preflight.policies.map((m) => (
            <li key={m} className={s.check} aria-label={`Azure Policy: ${m}`}>
              <WarningFilled className={s.warn} aria-label="Warning" />
              <Body1>{m}</Body1>
            </li>
          ))}
          {preflight.steps.map((c) => (
            <li key={c.stepId} className={s.check} aria-label={`${c.title}: ${c.allowed === true ? 'allowed' : c.allowed === false ? 'blocked' : 'unknown'}`}>
              {c.allowed === true ? (
                <CheckmarkCircleFilled className={s.ok} aria-label="Allowed" />
              ) : c.allowed === false ? (
                <DismissCircleFilled className={s.bad} aria-label="Blocked" />
              ) : (
                <QuestionCircleRegular aria-label="Unknown" />
              )}
              <div className={s.section}>
                <Body1>
                  {c.title}: {c.allowed === true ? 'you may' : c.allowed === false ? 'you may not' : 'could not be checked'} ({c.action})
                </Body1>
                {c.error && <Caption1>{c.error}</Caption1>}
                {c.allowed === false && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>This step needs someone else</MessageBarTitle>
                      Roles that include {c.action}: {c.rolesThatGrant.join(', ') || 'a custom role'}.{' '}
                      {c.whoCan.length > 0 ? `In this directory: ${c.whoCan.join('; ')}.` : 'Nobody Lockstep can see holds one at this scope.'} The steps before
                      it can still run; the run stops here. Hand over this command:
                      <CodeBlock label={`Command for ${c.title}`} text={c.handover ?? ''} tall />
                    </MessageBarBody>
                  </MessageBar>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "6 steps: 3 writes and 2 checks to send, 1 already done" — the same counts the confirmation names. */
function requestCounts(plan: Plan): string {
  const { writes, checks, done } = pendingRequests(plan);
  const parts = [
    writes.length > 0 && `${writes.length} ${writes.length === 1 ? 'write' : 'writes'}`,
    checks.length > 0 && `${checks.length} ${checks.length === 1 ? 'check' : 'checks'}`,
  ].filter(Boolean);
  return `${plan.steps.length} ${plan.steps.length === 1 ? 'step' : 'steps'}: ${parts.length ? `${parts.join(' and ')} to send` : 'nothing to send'}${done ? `, ${done} already done` : ''}`;
}

/** Every request the plan sends, in order, with why. */
export function PlanSteps({ plan }: { plan: Plan }) {
  const s = useStyles();
  return (
    <section className={s.card} aria-labelledby="requests-title">
      <Subtitle2 as="h2" style={{ margin: 0 }} id="requests-title">
        Requests ({requestCounts(plan)})
      </Subtitle2>
      <Accordion multiple collapsible>
        {plan.steps.map((step, i) => (
          <AccordionItem key={step.id} value={step.id}>
            <AccordionHeader>
              <span className={s.row}>
                {i + 1}. {step.title}
                {step.status === 'done' ? (
                  <Badge appearance="tint" color="informative">
                    Already exists
                  </Badge>
                ) : (
                  <Badge appearance="outline">{step.request.method}</Badge>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <Body1 block>{step.why}</Body1>
              {step.bindings.length > 0 && (
                <Caption1 block className={s.muted}>
                  Takes {step.bindings.map((b) => `${b.placeholder} from the result of step "${b.step}" (${b.path})`).join('; ')}.
                </Caption1>
              )}
              <CodeBlock
                label={`Request ${i + 1}`}
                text={`${step.request.method} ${step.request.url}${step.request.body ? `\n\n${JSON.stringify(step.request.body, null, 2)}` : ''}`}
                tall
              />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

/** The same plan as Bicep, Azure CLI and ARM JSON, each downloadable. */
type ExportFormat = 'bicep' | 'azcli' | 'powershell' | 'json';
const FORMAT_TITLES: Record<ExportFormat, string> = { bicep: 'Bicep', azcli: 'Azure CLI', powershell: 'Azure PowerShell', json: 'ARM JSON' };

/**
 * The plan as code. `formats` are the ones that can say what the plan does: Bicep declares resources (not a disable and
 * enable of replication), Azure PowerShell (Az.Migrate) is offered for re-replication.
 */
export function PlanExport({ plan, baseName, formats: wanted = ['bicep', 'azcli', 'json'] }: { plan: Plan; baseName: string; formats?: ExportFormat[] }) {
  // Bicep declares resources: a plan with actions (POST) or removals (DELETE) is offered in the formats that can run them.
  const formats = wanted.filter((f) => f !== 'bicep' || plan.steps.every((x) => x.request.method !== 'POST' && x.request.method !== 'DELETE'));
  const s = useStyles();
  // Bicep declares whole resources; a plan of repairs (PATCHes) reads best as CLI.
  const [tab, setTab] = useState<ExportFormat>(() =>
    formats.includes('bicep') && plan.steps.some((x) => x.status === 'pending' && x.request.method === 'PUT') ? 'bicep' : 'azcli',
  );
  const bicep = tab === 'bicep' ? renderBicep(plan) : [];
  const text =
    tab === 'bicep'
      ? bicep.map((f) => (bicep.length > 1 ? `// ===== ${f.name} =====\n${f.text}` : f.text)).join('\n')
      : tab === 'azcli'
        ? renderAzCli(plan)
        : tab === 'powershell'
          ? renderPowerShell(plan)
          : renderArmJson(plan);
  const label = tab === 'bicep' ? 'Bicep' : tab === 'azcli' ? 'Azure CLI script' : tab === 'powershell' ? 'Azure PowerShell script' : 'ARM JSON';
  const download = () => {
    if (tab === 'bicep') for (const f of bicep) downloadText(f.name === 'main.bicep' ? `${baseName}.bicep` : f.name, f.text, 'text/plain');
    else if (tab === 'azcli') downloadText(`${baseName}.sh`, text, 'text/x-shellscript');
    else if (tab === 'powershell') downloadText(`${baseName}.ps1`, text, 'text/plain');
    else downloadText(`${baseName}.plan.json`, text, 'application/json');
  };
  return (
    <section className={s.card} aria-labelledby="export-title">
      <div className={s.row}>
        <Subtitle2 as="h2" style={{ margin: 0 }} id="export-title">
          As code, for change control
        </Subtitle2>
      </div>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)} aria-label="Plan as code">
        {formats.map((f) => (
          <Tab key={f} value={f}>
            {FORMAT_TITLES[f]}
          </Tab>
        ))}
      </TabList>
      <div className={s.row}>
        <Button icon={<ArrowDownloadRegular />} onClick={download}>
          Download {tab === 'bicep' ? `Bicep${bicep.length > 1 ? ` (${bicep.length} files)` : ''}` : tab === 'json' ? 'JSON' : 'script'}
        </Button>
        {/* Copy beside Download, before the code in the focus order: the keyboard reaches it without crossing the script. */}
        <CopyButton text={reveal(text)} what={label} labelled />
        <Caption1 className={s.muted}>
          {tab === 'bicep'
            ? 'az deployment group create --resource-group <rg> --template-file main.bicep'
            : tab === 'azcli'
              ? 'bash, with az signed in'
              : tab === 'powershell'
                ? 'PowerShell 7 with Az.Migrate, after Connect-AzAccount'
                : 'The requests Lockstep sends, with the bindings between them'}
        </Caption1>
      </div>
      <CodeBlock label={label} text={text} tall focusable copy={false} />
    </section>
  );
}

/** Writes happen only after this: what will be written, the irreversible parts, and an explicit yes. */
export function ConfirmDialog({
  open,
  plan,
  blockedSteps,
  actionLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  plan: Plan;
  blockedSteps: string[];
  actionLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const s = useStyles();
  const [understood, setUnderstood] = useState(false);
  const { writes, checks } = pendingRequests(plan);
  const reads = checks.length;
  const needsAck = plan.warnings.length > 0;
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()} modalType="alert">
      <DialogSurface aria-describedby="confirm-body">
        <DialogBody>
          <DialogTitle>{actionLabel}?</DialogTitle>
          <DialogContent id="confirm-body" className={s.section}>
            <Body1>
              Lockstep will send {writes.length} write {writes.length === 1 ? 'request' : 'requests'} to Azure as you, in this order
              {reads > 0 ? `, with ${reads} ${reads === 1 ? 'check' : 'checks'} between them that only read` : ''}:
            </Body1>
            <ol>
              {writes.map((w) => (
                <li key={w.id}>
                  <span className={s.method}>{w.request.method}</span>
                  {w.title}
                </li>
              ))}
            </ol>
            {blockedSteps.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  The preflight says you may not {blockedSteps.join('; ')}. The run will stop there; hand that step over with the command shown.
                </MessageBarBody>
              </MessageBar>
            )}
            {plan.warnings.map((w) => (
              <MessageBar key={w} intent="warning">
                <MessageBarBody>{w}</MessageBarBody>
              </MessageBar>
            ))}
            {needsAck && <Checkbox checked={understood} onChange={(_, d) => setUnderstood(d.checked === true)} label="I understand the warnings above" />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={needsAck && !understood} onClick={onConfirm}>
              {actionLabel}
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

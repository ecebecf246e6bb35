'use client';

import {
  Body1,
  Button,
  Caption1,
  Combobox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { normalizeId, parseResourceId } from '@/lib/estate/ids';
import type { Estate } from '@/lib/estate/model';
import { newRun } from '@/lib/provisioning/apply';
import { afterwards, auditWorkspace, draftIntent, keyChoices, newKey, newVault, scopeOptions, vaultChoices } from '@/lib/provisioning/draft';
import { plan as makePlan, validateIntentProblems, type Intent } from '@/lib/provisioning/plan';
import { problemAt, type Problem } from '@/lib/estate/problem';
import { draftStore, selectionStore, type StoredRun } from '@/lib/provisioning/run-store';
import { useReadiness, type Readiness } from '@/lib/queries/estate';
import { useWriteAccess } from '@/lib/queries/write-access';
import { EmptyState } from '../common/empty-state';
import { VerdictBadge } from '../common/verdict-badge';
import { Essentials } from '../overview/essentials';
import { ReadinessFrame } from '../resources/readiness-frame';
import { PageHeader } from '../shell/page-header';
import { usePreflight } from '@/lib/queries/preflight';
import { ConfirmDialog, PlanExport, PlanSteps, PreflightView } from './plan-review';
import { usePlanRunner } from '@/lib/queries/plan-runner';
import { RunView } from './plan-run';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  two: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

type TabId = 'basics' | 'vault' | 'key' | 'encryption' | 'access' | 'review';
const TABS: { id: TabId; title: string }[] = [
  { id: 'basics', title: 'Basics' },
  { id: 'vault', title: 'Key vault' },
  { id: 'key', title: 'Key' },
  { id: 'encryption', title: 'Encryption' },
  { id: 'access', title: 'Access' },
  { id: 'review', title: 'Review + create' },
];

/** Which tab a problem belongs to: the intent field it is about decides. */
function tabOf(problem: Problem): TabId {
  const top = problem.path.split('.')[0];
  if (top === 'subscriptionId' || top === 'resourceGroup' || top === 'location') return 'basics';
  if (top === 'keyVault') return 'vault';
  if (top === 'key') return 'key';
  return 'encryption';
}

export function SetupWizardPage() {
  const runner = usePlanRunner();
  const wizardRun = runner.stored?.origin.kind === 'wizard' ? runner.stored : undefined;
  return (
    <>
      <PageHeader
        title="Create a disk encryption set"
        icon={LockClosedRegular}
        description="Key vault, key, disk encryption set and access grant, in the order Azure needs them, checked before anything runs."
      />
      <ReadinessFrame>
        {(r) => (wizardRun ? <WizardRun readiness={r} stored={wizardRun} runner={runner} /> : <Wizard readiness={r} onStart={(s) => void runner.start(s)} />)}
      </ReadinessFrame>
    </>
  );
}

function WizardRun({ readiness, stored, runner }: { readiness: Readiness; stored: StoredRun; runner: ReturnType<typeof usePlanRunner> }) {
  const s = useStyles();
  const router = useRouter();
  const { isFetching } = useReadiness();
  const origin = stored.origin.kind === 'wizard' ? stored.origin : undefined;
  const desStep = stored.run.plan.steps.find((x) => x.id === 'des');
  const desId = desStep?.request.url.split('?')[0] ?? '';
  const desName = parseResourceId(desId)?.name ?? '';
  const servers = readiness.estate.servers.filter((x) => origin?.serverIds.some((id) => normalizeId(id) === normalizeId(x.id)));
  const next = afterwards(readiness.estate, servers, desId);
  const verdictNow = (id: string) => readiness.rows.find((r) => normalizeId(r.id) === normalizeId(id))?.verdict;
  const done = stored.run.status === 'succeeded';
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
              <Table aria-label="Verdicts before and after" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Server</TableHeaderCell>
                    <TableHeaderCell>Before</TableHeaderCell>
                    <TableHeaderCell>Now</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {servers.map((x) => (
                    <TableRow key={x.id}>
                      <TableCell>{x.machineName}</TableCell>
                      <TableCell>{origin?.verdictsBefore[x.id] ? <VerdictBadge verdict={origin.verdictsBefore[x.id] as never} /> : '—'}</TableCell>
                      <TableCell>
                        {isFetching ? <VerdictBadge verdict="pending" /> : verdictNow(x.id) ? <VerdictBadge verdict={verdictNow(x.id)!} /> : '—'}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
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
            <Button appearance="primary" onClick={() => router.push('/servers/')}>
              View servers
            </Button>
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

function Wizard({ readiness, onStart }: { readiness: Readiness; onStart: (s: StoredRun) => void }) {
  const s = useStyles();
  const params = useSearchParams();
  const router = useRouter();
  const access = useWriteAccess();
  const estate = readiness.estate;
  const [state, setState] = useState<{ intent: Intent; serverIds: string[]; tab: TabId } | undefined>();
  const [confirming, setConfirming] = useState(false);

  // Start from the servers picked in the grid, else the draft of this tab's session, else a fresh draft.
  useEffect(() => {
    if (state || access.isPending) return;
    const fromGrid = params.get('from') === 'servers' ? selectionStore.load() : [];
    const stored = fromGrid.length === 0 ? draftStore.load() : undefined;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- initialised once, when the estate and the user's write access are known
    setState(
      stored
        ? { ...stored, tab: stored.tab as TabId }
        : { intent: draftIntent(estate, fromGrid, { subscriptionId: access.writable[0] }).intent, serverIds: fromGrid, tab: 'basics' },
    );
    // The draft now holds the selection: a reload resumes the draft instead of starting over.
    if (fromGrid.length > 0) router.replace('/disk-encryption-sets/create/');
  }, [state, access.isPending, access.writable, estate, params, router]);
  useEffect(() => {
    if (state) draftStore.save(state);
  }, [state]);

  const [now] = useState(() => Math.floor(Date.now() / 1000));
  const result = useMemo(() => (state ? makePlan(state.intent, estate, { now }) : undefined), [state, estate, now]);
  const plan = result?.ok ? result.plan : undefined;
  const preflight = usePreflight(state?.tab === 'review' ? plan : undefined, estate);

  if (!access.isPending && !access.any) {
    return (
      <EmptyState icon={<LockClosedRegular />} title="Your role does not allow creating disk encryption sets">
        None of the subscriptions you can see lets you write Microsoft.Compute/diskEncryptionSets. Ask for Contributor (and, for the access grant, Owner or User
        Access Administrator) on the target subscription, or hand the exported plan to someone who has it.
      </EmptyState>
    );
  }
  if (!state) return <Body1>Preparing the setup…</Body1>;
  const { intent } = state;
  const set = (patch: Partial<Intent>) => setState({ ...state, intent: { ...intent, ...patch } });
  const problems = result && !result.ok ? result.issues : validateIntentProblems(intent);
  const draft = draftIntent(estate, state.serverIds);
  const problemsOn = (t: TabId) => problems.filter((p) => tabOf(p) === t);
  const index = TABS.findIndex((t) => t.id === state.tab);
  const go = (tab: TabId) => setState({ ...state, tab });
  const vaultIsNew = 'create' in intent.keyVault;
  const chosenVault = 'use' in intent.keyVault ? estate.keyVaults.get(normalizeId(intent.keyVault.use)) : undefined;
  const rbac = vaultIsNew || chosenVault?.enableRbacAuthorization === true;
  const subName = (id: string) => estate.subscriptions.get(id.toLowerCase())?.displayName ?? id;
  const { regions, groups } = scopeOptions(estate, intent);
  const verdictOf = (id: string) => readiness.rows.find((r) => normalizeId(r.id) === normalizeId(id))?.verdict;

  const create = () => {
    if (!plan) return;
    const verdictsBefore = Object.fromEntries(state.serverIds.map((id) => [id, verdictOf(id) ?? '']));
    onStart({ run: newRun(plan, crypto.randomUUID()), origin: { kind: 'wizard', serverIds: state.serverIds, verdictsBefore } });
  };

  return (
    <div className={s.form}>
      <TabList selectedValue={state.tab} onTabSelect={(_, d) => go(d.value as TabId)} aria-label="Setup steps">
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} aria-label={problemsOn(t.id).length ? `${t.title} (${problemsOn(t.id).length} to fix)` : t.title}>
            {t.title}
            {problemsOn(t.id).length > 0 && t.id !== 'review' ? ' •' : ''}
          </Tab>
        ))}
      </TabList>

      {state.tab === 'basics' && (
        <section className={s.card} aria-label="Basics">
          <Body1>A disk encryption set serves one subscription and one region: the ones your servers land in.</Body1>
          <div className={s.two}>
            <Field label="Subscription" required>
              <Dropdown
                value={subName(intent.subscriptionId)}
                selectedOptions={[intent.subscriptionId]}
                onOptionSelect={(_, d) => d.optionValue && set({ subscriptionId: d.optionValue })}
              >
                {access.writable.map((id) => (
                  <Option key={id} value={estate.subscriptions.get(id)?.subscriptionId ?? id}>
                    {subName(id)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field
              label="Resource group"
              required
              hint="Where the disk encryption set (and a new vault) go."
              validationMessage={problemAt(problems, 'resourceGroup')}
            >
              <Combobox
                freeform
                value={intent.resourceGroup}
                selectedOptions={[intent.resourceGroup]}
                onChange={(e) => set({ resourceGroup: e.target.value })}
                onOptionSelect={(_, d) => d.optionValue && set({ resourceGroup: d.optionValue })}
              >
                {groups.map((g) => (
                  <Option key={g}>{g}</Option>
                ))}
              </Combobox>
            </Field>
            <Field label="Region" required hint="The servers' target region.">
              <Dropdown
                value={intent.location}
                selectedOptions={[intent.location]}
                onOptionSelect={(_, d) => d.optionValue && set({ location: d.optionValue })}
              >
                {regions.map((r) => (
                  <Option key={r}>{r}</Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          {state.serverIds.length > 0 ? (
            <>
              <Subtitle2 as="h2" style={{ margin: 0 }}>
                Servers to secure ({draft.servers.length})
              </Subtitle2>
              {draft.notes.map((n) => (
                <MessageBar key={n} intent="info">
                  <MessageBarBody>{n}</MessageBarBody>
                </MessageBar>
              ))}
              {draft.problems.map((p) => (
                <MessageBar key={p} intent="error">
                  <MessageBarBody>{p}</MessageBarBody>
                </MessageBar>
              ))}
              <Table aria-label="Servers to secure" size="small">
                <TableHeader>
                  <TableRow>
                    {['Server', 'Target subscription', 'Region', 'Disks', 'Verdict'].map((h) => (
                      <TableHeaderCell key={h}>{h}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {draft.servers.map((x) => (
                    <TableRow key={x.id}>
                      <TableCell>{x.machineName}</TableCell>
                      <TableCell>{subName(x.targetSubscriptionId ?? '')}</TableCell>
                      <TableCell>{x.targetRegion}</TableCell>
                      <TableCell>
                        {x.disks?.length ?? 0} · {Math.round((x.disks ?? []).reduce((a, d) => a + (d.sizeBytes ?? 0), 0) / 1024 ** 3)} GiB
                      </TableCell>
                      <TableCell>{verdictOf(x.id) ? <VerdictBadge verdict={verdictOf(x.id)!} /> : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          ) : (
            <Caption1 className={s.muted}>Tip: select servers on Replicating servers and choose Secure target to fill this in from where they land.</Caption1>
          )}
        </section>
      )}

      {state.tab === 'vault' && <VaultTab estate={estate} intent={intent} set={set} problems={problemsOn('vault')} subName={subName} />}
      {state.tab === 'key' && <KeyTab estate={estate} intent={intent} set={set} problems={problemsOn('key')} now={now} />}

      {state.tab === 'encryption' && (
        <section className={s.card} aria-label="Encryption">
          <Field
            label="Disk encryption set name"
            required
            hint="1-80 letters, digits, underscores and hyphens."
            validationMessage={problemAt(problems, 'diskEncryptionSet.name')}
          >
            <Input value={intent.diskEncryptionSet.name} onChange={(_, d) => set({ diskEncryptionSet: { ...intent.diskEncryptionSet, name: d.value } })} />
          </Field>
          <Field label="Encryption type">
            <RadioGroup
              value={intent.diskEncryptionSet.encryptionType}
              onChange={(_, d) =>
                set({ diskEncryptionSet: { ...intent.diskEncryptionSet, encryptionType: d.value as Intent['diskEncryptionSet']['encryptionType'] } })
              }
            >
              <Radio value="EncryptionAtRestWithCustomerKey" label="Encryption at rest with a customer-managed key" />
              <Radio value="EncryptionAtRestWithPlatformAndCustomerKeys" label="Double encryption with platform-managed and customer-managed keys" />
            </RadioGroup>
          </Field>
          <Switch
            checked={intent.diskEncryptionSet.autoRotate}
            onChange={(_, d) => set({ diskEncryptionSet: { ...intent.diskEncryptionSet, autoRotate: d.checked } })}
            label="Follow new key versions automatically (auto key rotation)"
          />
          <Field label="Identity" hint="The identity Azure Disk Storage uses to reach the key.">
            <RadioGroup
              value={intent.diskEncryptionSet.identity === 'SystemAssigned' ? 'system' : 'user'}
              onChange={(_, d) =>
                set({ diskEncryptionSet: { ...intent.diskEncryptionSet, identity: d.value === 'system' ? 'SystemAssigned' : { userAssigned: '' } } })
              }
            >
              <Radio value="system" label="System-assigned (created with the disk encryption set)" />
              <Radio value="user" label="User-assigned managed identity" />
            </RadioGroup>
          </Field>
          {typeof intent.diskEncryptionSet.identity === 'object' && (
            <Field
              label="User-assigned managed identity"
              required
              hint="Pick one in this subscription, or paste another identity's resource id. It is granted access before the disk encryption set is created."
              validationMessage={problemAt(problems, 'diskEncryptionSet.identity')}
            >
              <Combobox
                freeform
                placeholder="/subscriptions/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/…"
                value={intent.diskEncryptionSet.identity.userAssigned}
                selectedOptions={[intent.diskEncryptionSet.identity.userAssigned]}
                onChange={(e) => set({ diskEncryptionSet: { ...intent.diskEncryptionSet, identity: { userAssigned: e.target.value } } })}
                onOptionSelect={(_, d) =>
                  d.optionValue && set({ diskEncryptionSet: { ...intent.diskEncryptionSet, identity: { userAssigned: d.optionValue } } })
                }
              >
                {[...estate.userAssignedIdentities.values()]
                  .filter((u) => parseResourceId(u.id)?.subscriptionId?.toLowerCase() === intent.subscriptionId.toLowerCase())
                  .map((u) => (
                    <Option key={u.id} value={u.id} text={u.id}>
                      {`${u.name} · ${parseResourceId(u.id)?.resourceGroup ?? ''}`}
                    </Option>
                  ))}
              </Combobox>
            </Field>
          )}
        </section>
      )}

      {state.tab === 'access' && (
        <section className={s.card} aria-label="Access">
          <Body1>
            {rbac
              ? `The vault uses Azure RBAC: Lockstep assigns the role Key Vault Crypto Service Encryption User on the vault to the disk encryption set's identity (principal type ServicePrincipal). That role can read the key and wrap and unwrap with it, nothing more.`
              : `The vault uses access policies: Lockstep adds one for the disk encryption set's identity with the key permissions get, wrapKey and unwrapKey, nothing more.`}
          </Body1>
          <Body1>
            {intent.diskEncryptionSet.identity === 'SystemAssigned'
              ? 'The identity is created with the disk encryption set, so the grant follows it; a new identity can take a minute to reach every directory replica, and Lockstep retries while it does.'
              : 'A user-assigned identity exists before the disk encryption set, so it is granted first.'}
          </Body1>
          <Caption1 className={s.muted}>
            {rbac
              ? 'Assigning roles needs Microsoft.Authorization/roleAssignments/write (Owner or User Access Administrator).'
              : 'Adding access policies needs Microsoft.KeyVault/vaults/accessPolicies/write (Contributor or Key Vault Contributor).'}{' '}
            Review + create checks whether you have it.
          </Caption1>
        </section>
      )}

      {state.tab === 'review' && (
        <>
          {problems.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Fix these before anything can run</MessageBarTitle>
                <ul className={s.list}>
                  {problems.map((p) => (
                    <li key={`${p.path}:${p.message}`}>
                      <Button appearance="transparent" size="small" onClick={() => go(tabOf(p))}>
                        {TABS.find((t) => t.id === tabOf(p))!.title}
                      </Button>
                      {p.message}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {plan && (
            <>
              <Essentials
                label="Summary"
                items={[
                  { key: 'Subscription', value: subName(intent.subscriptionId) },
                  { key: 'Resource group', value: intent.resourceGroup },
                  { key: 'Region', value: intent.location },
                  {
                    key: 'Key vault',
                    value:
                      'create' in intent.keyVault
                        ? `${intent.keyVault.create.name} (new, ${intent.keyVault.create.sku})`
                        : (chosenVault?.name ?? intent.keyVault.use),
                  },
                  {
                    key: 'Key',
                    value:
                      'create' in intent.key
                        ? `${intent.key.create.name} (new, ${intent.key.create.kty} ${intent.key.create.size}, rotates every ${intent.key.create.rotateEveryDays} days)`
                        : (parseResourceId(intent.key.use)?.name ?? intent.key.use),
                  },
                  {
                    key: 'Disk encryption set',
                    value: `${intent.diskEncryptionSet.name} (${intent.diskEncryptionSet.autoRotate ? 'auto key rotation' : 'fixed key version'})`,
                  },
                  { key: 'Access', value: rbac ? 'Role assignment: Key Vault Crypto Service Encryption User' : 'Access policy: get, wrapKey, unwrapKey' },
                  {
                    key: 'Audit log',
                    value: intent.auditLogs ? `to ${parseResourceId(intent.auditLogs.workspaceId)?.name ?? intent.auditLogs.workspaceId}` : 'not configured',
                  },
                ]}
              />
              {plan.warnings.map((w) => (
                <MessageBar key={w} intent="warning">
                  <MessageBarBody>{w}</MessageBarBody>
                </MessageBar>
              ))}
              <PreflightView preflight={preflight.data} isPending={preflight.isPending} error={preflight.error} />
              <PlanSteps plan={plan} />
              <PlanExport plan={plan} baseName={`lockstep-${intent.diskEncryptionSet.name}`} />
              <ConfirmDialog
                open={confirming}
                plan={plan}
                blockedSteps={(preflight.data?.steps ?? []).filter((c) => c.allowed === false).map((c) => c.title.charAt(0).toLowerCase() + c.title.slice(1))}
                actionLabel="Create"
                onCancel={() => setConfirming(false)}
                onConfirm={() => {
                  setConfirming(false);
                  create();
                }}
              />
            </>
          )}
        </>
      )}

      <div className={s.footer} role="group" aria-label="Wizard actions">
        {state.tab === 'review' ? (
          <Button
            appearance="primary"
            disabled={!plan || preflight.isPending || !!preflight.data?.names.some((n) => !n.available)}
            onClick={() => setConfirming(true)}
          >
            Create
          </Button>
        ) : (
          <Button appearance="primary" onClick={() => go('review')}>
            Review + create
          </Button>
        )}
        <Button disabled={index === 0} onClick={() => go(TABS[index - 1]!.id)}>
          &lt; Previous
        </Button>
        {index < TABS.length - 1 && <Button onClick={() => go(TABS[index + 1]!.id)}>Next: {TABS[index + 1]!.title} &gt;</Button>}
      </div>
    </div>
  );
}

function VaultTab({
  estate,
  intent,
  set,
  problems,
  subName,
}: {
  estate: Estate;
  intent: Intent;
  set: (p: Partial<Intent>) => void;
  problems: Problem[];
  subName: (id: string) => string;
}) {
  const s = useStyles();
  const choices = vaultChoices(estate, intent.location);
  const usable = choices.filter((c) => c.problems.length === 0);
  const unusable = choices.filter((c) => c.problems.length > 0);
  const mode = 'create' in intent.keyVault ? 'create' : 'use';
  return (
    <section className={s.card} aria-label="Key vault">
      <RadioGroup
        value={mode}
        aria-label="Key vault"
        onChange={(_, d) =>
          set({
            keyVault: d.value === 'create' ? newVault(estate, intent.diskEncryptionSet.name) : { use: usable[0]?.value.id ?? '' },
            key: d.value === 'create' && 'use' in intent.key ? newKey(intent.diskEncryptionSet.name) : intent.key,
          })
        }
      >
        <Radio value="create" label="Create a new key vault" />
        <Radio value="use" label={`Use an existing key vault in ${intent.location} (${usable.length} compatible)`} disabled={usable.length === 0} />
      </RadioGroup>
      {'create' in intent.keyVault ? (
        <>
          <div className={s.two}>
            <Field label="Key vault name" required hint="3-24 letters, digits and hyphens; globally unique." validationMessage={problems[0]?.message}>
              <Input
                value={intent.keyVault.create.name}
                onChange={(_, d) =>
                  set({ keyVault: { create: { ...(intent.keyVault as { create: { name: string; sku: 'standard' | 'premium' } }).create, name: d.value } } })
                }
              />
            </Field>
            <Field label="Pricing tier" hint="Premium keeps keys in HSMs (RSA-HSM).">
              <Dropdown
                value={intent.keyVault.create.sku === 'premium' ? 'Premium' : 'Standard'}
                selectedOptions={[intent.keyVault.create.sku]}
                onOptionSelect={(_, d) =>
                  set({
                    keyVault: {
                      create: {
                        ...(intent.keyVault as { create: { name: string; sku: 'standard' | 'premium' } }).create,
                        sku: d.optionValue as 'standard' | 'premium',
                      },
                    },
                  })
                }
              >
                <Option value="standard">Standard</Option>
                <Option value="premium">Premium</Option>
              </Dropdown>
            </Field>
          </div>
          <Caption1 className={s.muted}>
            Created with soft delete (90 days), purge protection (irreversible), Azure RBAC, and a firewall that denies by default and lets trusted Azure
            services such as Azure Disk Storage through.
          </Caption1>
        </>
      ) : (
        <Field label="Compatible key vaults" validationMessage={problems[0]?.message}>
          <RadioGroup
            value={intent.keyVault.use}
            onChange={(_, d) => set({ keyVault: { use: d.value }, key: 'use' in intent.key ? newKey(intent.diskEncryptionSet.name) : intent.key })}
          >
            {usable.map((c) => (
              <Radio
                key={c.value.id}
                value={c.value.id}
                label={`${c.value.name} · ${c.value.resourceGroup} · ${subName(c.value.subscriptionId)} · ${c.value.enableRbacAuthorization ? 'Azure RBAC' : 'access policies'}${c.repairs.length ? ` · will repair: ${c.repairs.join(' ')}` : ''}`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      {unusable.length > 0 && (
        <>
          <Subtitle2 as="h2" style={{ margin: 0 }}>
            Not compatible
          </Subtitle2>
          <ul className={s.list} aria-label="Key vaults that cannot be used">
            {unusable.map((c) => (
              <li key={c.value.id}>
                <strong>{c.value.name}</strong>: {c.problems.join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <Switch
        checked={!!intent.auditLogs}
        onChange={(_, d) => set({ auditLogs: d.checked ? { workspaceId: auditWorkspace(estate) ?? '' } : undefined })}
        label="Send the vault's audit log to Log Analytics (who used, changed or deleted the key)"
      />
      {intent.auditLogs && (
        <Field label="Log Analytics workspace resource id" required>
          <Input value={intent.auditLogs.workspaceId} onChange={(_, d) => set({ auditLogs: { workspaceId: d.value } })} />
        </Field>
      )}
    </section>
  );
}

function KeyTab({
  estate,
  intent,
  set,
  problems,
  now,
}: {
  estate: Estate;
  intent: Intent;
  set: (p: Partial<Intent>) => void;
  problems: Problem[];
  now: number;
}) {
  const s = useStyles();
  const vaultId = 'use' in intent.keyVault ? intent.keyVault.use : undefined;
  const choices = vaultId ? keyChoices(estate, vaultId, now) : [];
  const usable = choices.filter((c) => c.problems.length === 0);
  const premium =
    'create' in intent.keyVault ? intent.keyVault.create.sku === 'premium' : estate.keyVaults.get(normalizeId(vaultId ?? ''))?.sku?.toLowerCase() === 'premium';
  const k = 'create' in intent.key ? intent.key.create : undefined;
  const setKey = (patch: Partial<NonNullable<typeof k>>) => k && set({ key: { create: { ...k, ...patch } } });
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  return (
    <section className={s.card} aria-label="Key">
      {vaultId && (
        <RadioGroup
          value={k ? 'create' : 'use'}
          aria-label="Key"
          onChange={(_, d) => set({ key: d.value === 'create' ? newKey(intent.diskEncryptionSet.name) : { use: usable[0]?.value.id ?? '' } })}
        >
          <Radio value="create" label="Create a new key" />
          <Radio value="use" label={`Use an existing key (${usable.length} usable)`} disabled={usable.length === 0} />
        </RadioGroup>
      )}
      {k ? (
        <>
          <div className={s.two}>
            <Field label="Key name" required hint="1-127 letters, digits and hyphens." validationMessage={problemAt(problems, 'key.create.name')}>
              <Input value={k.name} onChange={(_, d) => setKey({ name: d.value })} />
            </Field>
            <Field label="Key type" validationMessage={problemAt(problems, 'key.create.kty')}>
              <Dropdown value={k.kty} selectedOptions={[k.kty]} onOptionSelect={(_, d) => setKey({ kty: d.optionValue as 'RSA' | 'RSA-HSM' })}>
                <Option value="RSA">RSA</Option>
                <Option value="RSA-HSM" disabled={!premium}>
                  {premium ? 'RSA-HSM' : 'RSA-HSM (needs a premium vault)'}
                </Option>
              </Dropdown>
            </Field>
            <Field label="Key size (bits)">
              <Dropdown value={String(k.size)} selectedOptions={[String(k.size)]} onOptionSelect={(_, d) => setKey({ size: Number(d.optionValue) })}>
                {[2048, 3072, 4096].map((n) => (
                  <Option key={n} value={String(n)}>
                    {String(n)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Rotate every (days)" validationMessage={problemAt(problems, 'key.create.rotateEveryDays')}>
              <Input
                type="number"
                min={7}
                value={Number.isFinite(k.rotateEveryDays) ? String(k.rotateEveryDays) : ''}
                onChange={(_, d) => setKey({ rotateEveryDays: num(d.value) })}
              />
            </Field>
            <Field label="Expires after (days)">
              <Input
                type="number"
                min={8}
                value={Number.isFinite(k.expiresInDays) ? String(k.expiresInDays) : ''}
                onChange={(_, d) => setKey({ expiresInDays: num(d.value) })}
              />
            </Field>
          </div>
          <Caption1 className={s.muted}>
            The rotation policy creates a new version every {k.rotateEveryDays} days and notifies 30 days before expiry; with auto key rotation the disk
            encryption set follows each version.
          </Caption1>
        </>
      ) : (
        <Field label="Usable keys" validationMessage={problems[0]?.message}>
          <RadioGroup value={'use' in intent.key ? intent.key.use : ''} onChange={(_, d) => set({ key: { use: d.value } })}>
            {usable.map((c) => (
              <Radio
                key={c.value.id}
                value={c.value.id}
                label={`${c.value.name} · ${c.value.kty ?? ''} ${c.value.keySize ?? ''}${c.repairs.length ? ` · ${c.repairs.join(' ')}` : ''}`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      {choices.filter((c) => c.problems.length > 0).length > 0 && (
        <>
          <Subtitle2 as="h2" style={{ margin: 0 }}>
            Not usable
          </Subtitle2>
          <ul className={s.list} aria-label="Keys that cannot be used">
            {choices
              .filter((c) => c.problems.length > 0)
              .map((c) => (
                <li key={c.value.id}>
                  <strong>{c.value.name}</strong>: {c.problems.join(' ')}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

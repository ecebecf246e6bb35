'use client';

import { Body1, Button, Tab, TabList } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { StoredRun } from '@/lib/queries/run-store';
import type { Readiness } from '@/lib/queries/estate';
import { usePlanRunner } from '@/lib/queries/plan-runner';
import { EmptyState } from '../common/empty-state';
import { ReadinessFrame } from '../resources/readiness-frame';
import { PageHeader } from '../shell/page-header';
import { AccessTab } from './wizard/access-tab';
import { BasicsTab } from './wizard/basics-tab';
import { EncryptionTab } from './wizard/encryption-tab';
import { KeyTab } from './wizard/key-tab';
import { ReviewTab } from './wizard/review-tab';
import { useWizardStyles } from './wizard/styles';
import { TABS, useSetupWizard, type SetupWizard, type TabId } from './wizard/use-setup-wizard';
import { VaultTab } from './wizard/vault-tab';
import { WizardRun } from './wizard/wizard-run';

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

const TAB_VIEWS: Record<Exclude<TabId, 'review'>, (props: { w: SetupWizard }) => React.JSX.Element> = {
  basics: BasicsTab,
  vault: VaultTab,
  key: KeyTab,
  encryption: EncryptionTab,
  access: AccessTab,
};

/** The wizard's frame: its tabs, the tab on show, and the actions at the foot. The state lives in `useSetupWizard`. */
function Wizard({ readiness, onStart }: { readiness: Readiness; onStart: (s: StoredRun) => void }) {
  const s = useWizardStyles();
  const w = useSetupWizard(readiness, onStart);
  const [confirming, setConfirming] = useState(false);

  if (!w.access.isPending && !w.access.any) {
    return (
      <EmptyState icon={<LockClosedRegular />} title="Your role does not allow creating disk encryption sets">
        None of the subscriptions you can see lets you write Microsoft.Compute/diskEncryptionSets. Ask for Contributor (and, for the access grant, Owner or User
        Access Administrator) on the target subscription, or hand the exported plan to someone who has it.
      </EmptyState>
    );
  }
  if (!w.ready) return <Body1>Preparing the setup…</Body1>;
  const { tab, index, go, plan, preflight, problemsOn } = w;
  const View = tab === 'review' ? undefined : TAB_VIEWS[tab];

  return (
    <div className={s.form}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => go(d.value as TabId)} aria-label="Setup steps">
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} aria-label={problemsOn(t.id).length ? `${t.title} (${problemsOn(t.id).length} to fix)` : t.title}>
            {t.title}
            {problemsOn(t.id).length > 0 && t.id !== 'review' ? ' •' : ''}
          </Tab>
        ))}
      </TabList>

      {View ? <View w={w} /> : <ReviewTab w={w} confirming={confirming} setConfirming={setConfirming} />}

      <div className={s.footer} role="group" aria-label="Wizard actions">
        {tab === 'review' ? (
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

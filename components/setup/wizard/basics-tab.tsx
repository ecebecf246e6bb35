'use client';

import {
  Body1,
  Caption1,
  Combobox,
  Dropdown,
  Field,
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
} from '@fluentui/react-components';
import { problemAt } from '@/lib/estate/problem';
import { afterwards } from '@/lib/provisioning/draft';
import { VerdictBadge } from '../../common/verdict-badge';
import { useWizardStyles } from './styles';
import type { SetupWizard } from './use-setup-wizard';

/** Basics: the subscription, resource group and region the disk encryption set serves, and the servers it is for. */
export function BasicsTab({ w }: { w: SetupWizard }) {
  const s = useWizardStyles();
  const { intent, set, problems, draft, estate, access, subName, verdictOf } = w;
  const { regions, groups } = w.scope;
  return (
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
          <Dropdown value={intent.location} selectedOptions={[intent.location]} onOptionSelect={(_, d) => d.optionValue && set({ location: d.optionValue })}>
            {regions.map((r) => (
              <Option key={r}>{r}</Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {w.serverIds.length > 0 ? (
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
          <ReenableNotice w={w} />
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
  );
}

/**
 * Before anything runs: the selected servers that already replicate without a disk encryption set. Creating one does
 * not change them (Azure Migrate cannot add a DES to a running replication); the done page offers to re-replicate them.
 */
export function ReenableNotice({ w }: { w: SetupWizard }) {
  const next = afterwards(w.estate, w.draft.servers, '');
  if (next.reEnable.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {next.reEnable.length} of these already {next.reEnable.length === 1 ? 'replicates' : 'replicate'} without a disk encryption set
        </MessageBarTitle>
        {next.reEnable.map((x) => x.machineName).join(', ')}: the new set does not change them. After it is created, their replication must be stopped and
        enabled again with it (Lockstep offers it to whoever may do so on the Azure Migrate project); {next.reseedGiB.toLocaleString('en')} GiB are then seeded
        again.
      </MessageBarBody>
    </MessageBar>
  );
}

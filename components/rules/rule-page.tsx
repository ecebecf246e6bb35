'use client';

import { Body1, Caption1, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Tab, TabList, tokens } from '@fluentui/react-components';
import { TaskListLtrRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ruleById } from '@/lib/readiness/catalog';
import { Essentials } from '../overview/essentials';
import { PageHeader } from '../shell/page-header';
import { SeverityBadge } from './severity-badge';
import { CodeBlock } from '../common/code-block';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '980px' },
});

/** One rule's documentation: why it matters and how to fix it, four ways. */
export function RulePage({ id }: { id: string }) {
  const s = useStyles();
  const rule = ruleById(id);
  const [how, setHow] = useState<'portal' | 'cli' | 'powershell' | 'bicep'>('portal');
  if (!rule) return <Body1>No rule has the id {id}.</Body1>;
  return (
    <>
      <PageHeader title={`${rule.id} · ${rule.title}`} icon={TaskListLtrRegular} description={rule.synopsis} />
      <Essentials
        label="Rule"
        items={[
          { key: 'Id', value: rule.id },
          { key: 'Name', value: rule.name },
          { key: 'Severity', value: <SeverityBadge severity={rule.severity} /> },
          { key: 'Controls', value: rule.controls.join(', ') },
        ]}
      />
      <section className={s.section} aria-labelledby="why">
        <Subtitle1 as="h2" id="why">
          Why it matters
        </Subtitle1>
        <Body1>{rule.rationale}</Body1>
      </section>
      <section className={s.section} aria-labelledby="fix">
        <Subtitle1 as="h2" id="fix">
          How to fix it
        </Subtitle1>
        <Body1>{rule.remediation.summary}</Body1>
        {rule.fix && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>Lockstep can fix this</MessageBarTitle>
              {rule.fix} On a finding of this rule, anyone whose role allows the change can choose Fix: the requests are shown, checked and confirmed before
              anything runs.
            </MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={how} onTabSelect={(_, d) => setHow(d.value as typeof how)} aria-label="Ways to fix">
          <Tab value="portal">Portal</Tab>
          <Tab value="cli">Azure CLI</Tab>
          <Tab value="powershell">PowerShell</Tab>
          <Tab value="bicep">Bicep</Tab>
        </TabList>
        {how === 'portal' ? (
          <ol>
            {rule.remediation.portal.map((step) => (
              <li key={step}>
                <Body1>{step}</Body1>
              </li>
            ))}
          </ol>
        ) : (
          <CodeBlock label={how === 'cli' ? 'Azure CLI' : how === 'powershell' ? 'Azure PowerShell' : 'Bicep'} text={rule.remediation[how]} />
        )}
      </section>
      <section className={s.section} aria-labelledby="docs">
        <Subtitle1 as="h2" id="docs">
          Microsoft documentation
        </Subtitle1>
        {rule.docs.map((d) => (
          <Caption1 key={d.url}>
            <Link href={d.url} target="_blank" rel="noreferrer noopener">
              {d.title}
            </Link>
          </Caption1>
        ))}
      </section>
    </>
  );
}

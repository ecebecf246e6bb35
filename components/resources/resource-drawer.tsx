'use client';

import {
  Body1,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Subtitle2,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { Finding } from '@/lib/readiness/types';
import { Essentials } from '../overview/essentials';
import { FindingCard } from '../common/finding-card';
import { CodeBlock } from '../common/code-block';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A resource blade: Essentials, what depends on it, its findings with fixes, and its JSON. */
export function ResourceDrawer({
  title,
  kind,
  essentials,
  findings,
  raw,
  children,
  onClose,
}: {
  title?: string;
  kind: string;
  essentials: { key: string; value: ReactNode; copy?: string }[];
  findings: Finding[];
  raw: unknown;
  children?: ReactNode;
  onClose: () => void;
}) {
  const s = useStyles();
  const [json, setJson] = useState(false);
  return (
    <OverlayDrawer open={!!title} position="end" size="large" aria-label={title ? `${kind} ${title}` : kind} onOpenChange={(_, d) => !d.open && onClose()}>
      {title && (
        <>
          <DrawerHeader>
            <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>
              {title}
            </DrawerHeaderTitle>
            <Caption1>{kind}</Caption1>
          </DrawerHeader>
          <DrawerBody className={s.body}>
            <Essentials label="Essentials" items={essentials} />
            {children}
            <section aria-labelledby="res-findings" className={s.findings}>
              <Subtitle2 as="h2" id="res-findings">
                Findings ({findings.length})
              </Subtitle2>
              {findings.length === 0 && <Body1>No findings.</Body1>}
              {findings.map((f) => (
                <FindingCard key={`${f.ruleId}-${f.resourceId}-${f.message}`} finding={f} showReach />
              ))}
            </section>
            <section aria-labelledby="res-json">
              <Subtitle2 as="h2" id="res-json">
                Resource JSON
              </Subtitle2>
              <Switch label="JSON view" checked={json} onChange={(_, d) => setJson(d.checked)} />
              {json && <CodeBlock label="Resource JSON" text={JSON.stringify(raw, null, 2)} tall focusable />}
            </section>
          </DrawerBody>
        </>
      )}
    </OverlayDrawer>
  );
}

'use client';

import { Body1, Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular, WrenchRegular } from '@fluentui/react-icons';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { parseResourceId } from '@/lib/estate/ids';
import { useReadiness } from '@/lib/queries/estate';
import { selectionStore } from '@/lib/queries/selection-store';
import { REENABLE_ACTION, useWriteAccess } from '@/lib/queries/write-access';
import { ruleById } from '@/lib/readiness/catalog';
import { filledCommand } from '@/lib/readiness/commands';
import type { Finding } from '@/lib/readiness/types';
import { CodeBlock } from './code-block';

const useStyles = makeStyles({
  finding: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  critical: { borderLeftColor: tokens.colorPaletteRedBorder2 },
});

/** One finding: severity, rule, the message (ARM names as text), the fix with its CLI filled in for this finding, and the docs. */
export function FindingCard({ finding: f, showReach, hideFix }: { finding: Finding; showReach?: boolean; hideFix?: boolean }) {
  const s = useStyles();
  const rule = ruleById(f.ruleId);
  const readiness = useReadiness().readiness;
  return (
    <article className={mergeClasses(s.finding, f.severity === 'critical' && s.critical)} aria-label={`${f.ruleId} ${rule?.title ?? ''}`}>
      <Caption1>
        {f.severity.toUpperCase()} · {f.ruleId} · {rule?.title}
        {showReach ? ` · ${f.serverIds.length} ${f.serverIds.length === 1 ? 'server' : 'servers'}` : ''}
      </Caption1>
      <Body1>{f.message}</Body1>
      {rule && (
        <>
          <Body1>
            <strong>Fix: </strong>
            {rule.remediation.summary}
          </Body1>
          {!hideFix && ruleById(f.ruleId)?.fix && <FixButton ruleId={f.ruleId} resourceId={f.resourceId} />}
          {!hideFix && rule.effect === 'unprotected' && /\/replicationMigrationItems\//i.test(f.resourceId) && <ReplicateButton itemId={f.resourceId} />}
          <CodeBlock
            label={`Azure CLI for ${f.ruleId}`}
            text={readiness ? filledCommand(rule.remediation.cli, f, readiness.evaluation, readiness.estate) : rule.remediation.cli}
          />
          {rule.docs[0] && (
            <Caption1>
              <a href={rule.docs[0].url} target="_blank" rel="noreferrer noopener">
                {rule.docs[0].title}
              </a>
            </Caption1>
          )}
        </>
      )}
    </article>
  );
}

/**
 * The fix for a server that replicates without a customer key: replicate it again with one (Azure Migrate cannot add a
 * DES to a running replication). Offered where the user may stop and start replication in its vault.
 */
function ReplicateButton({ itemId }: { itemId: string }) {
  const router = useRouter();
  const access = useWriteAccess(REENABLE_ACTION);
  if (!access.canWrite(parseResourceId(itemId)?.subscriptionId)) return null;
  return (
    <div>
      <Button
        size="small"
        appearance="primary"
        icon={<ArrowRepeatAllRegular />}
        onClick={() => {
          selectionStore.set([itemId]);
          router.push('/servers/re-replicate/');
        }}
      >
        Re-replicate with a DES
      </Button>
    </div>
  );
}

type Fixits = typeof import('@/lib/provisioning/fixits');
let fixitsLoaded: Fixits | undefined;

/** The fix-its planner, fetched when the first Fix could be offered: the pages that list findings do not carry it. */
function useFixits(): Fixits | undefined {
  const [fixits, setFixits] = useState(fixitsLoaded);
  useEffect(() => {
    if (fixits) return;
    let live = true;
    void import('@/lib/provisioning/fixits').then((m) => {
      fixitsLoaded = m;
      if (live) setFixits(m);
    });
    return () => {
      live = false;
    };
  }, [fixits]);
  return fixits;
}

/** "Fix": the one-click repair, offered only where the user's role allows writes. */
function FixButton({ ruleId, resourceId }: { ruleId: string; resourceId: string }) {
  const router = useRouter();
  const access = useWriteAccess();
  const estate = useReadiness().readiness?.estate;
  const fixits = useFixits();
  // Which subscription the repair writes in decides whether it is offered; until the planner is here, nothing is.
  if (!fixits || !access.canWrite(fixits.fixSubscription(ruleId, resourceId, estate))) return null;
  return (
    <div>
      <Button
        size="small"
        appearance="primary"
        icon={<WrenchRegular />}
        onClick={() => router.push(`/disk-encryption-sets/repair/?rule=${encodeURIComponent(ruleId)}&resource=${encodeURIComponent(resourceId)}`)}
      >
        Fix
      </Button>
    </div>
  );
}

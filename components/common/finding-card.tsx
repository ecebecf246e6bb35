'use client';

import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ruleById } from '@/lib/readiness/catalog';
import type { Finding } from '@/lib/readiness/types';

const useStyles = makeStyles({
  finding: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  critical: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusSmall, margin: 0, overflowX: 'auto' },
});

/** One finding: severity, rule, the message (ARM names as text), the fix with its CLI, and the docs. */
export function FindingCard({ finding: f, showReach }: { finding: Finding; showReach?: boolean }) {
  const s = useStyles();
  const rule = ruleById(f.ruleId);
  return (
    <article className={`${s.finding} ${f.severity === 'critical' ? s.critical : ''}`} aria-label={`${f.ruleId} ${rule?.title ?? ''}`}>
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
          <pre className={s.code} aria-label="Azure CLI">
            {rule.remediation.cli}
          </pre>
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

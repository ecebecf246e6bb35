'use client';

import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Evaluation, Verdict } from '@/lib/readiness/types';
import { VERDICTS, VerdictBadge } from '../common/verdict-badge';

const COLOR: Record<Verdict, string> = {
  blocked: tokens.colorPaletteRedBackground3,
  unprotected: tokens.colorPaletteDarkOrangeBackground3,
  unknown: tokens.colorNeutralBackground6,
  attention: tokens.colorPaletteYellowBackground3,
  ready: tokens.colorPaletteGreenBackground3,
};

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    height: '28px',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    marginTop: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  count: { color: tokens.colorNeutralForeground2 },
});

/** Servers by verdict: one stacked bar, with a legend that carries the numbers (never colour alone). */
export function VerdictChart({ summary, onPick }: { summary: Evaluation['summary']; onPick?: (v: Verdict) => void }) {
  const s = useStyles();
  const total = Math.max(1, summary.servers);
  const label = VERDICTS.map((v) => `${v.label} ${summary[v.value]}`).join(', ');
  return (
    <figure style={{ margin: 0 }}>
      <div className={s.bar} role="img" aria-label={`Servers by verdict: ${label}`}>
        {VERDICTS.filter((v) => summary[v.value] > 0).map((v) => (
          <div
            key={v.value}
            title={`${v.label}: ${summary[v.value]}`}
            style={{ width: `${(summary[v.value] / total) * 100}%`, background: COLOR[v.value], cursor: onPick ? 'pointer' : undefined }}
            onClick={() => onPick?.(v.value)}
          />
        ))}
      </div>
      <ul className={s.legend} aria-label="Servers by verdict">
        {VERDICTS.map((v) => (
          <li key={v.value} className={s.item}>
            <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 3, background: COLOR[v.value], display: 'inline-block' }} />
            <VerdictBadge verdict={v.value} />
            <Caption1 className={s.count}>
              {summary[v.value]} ({Math.round((summary[v.value] / total) * 100)}%)
            </Caption1>
          </li>
        ))}
      </ul>
    </figure>
  );
}

'use client';

import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Upcoming } from '@/lib/compliance/summary';

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', display: 'block', overflow: 'visible' },
  legend: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '50%', marginRight: tokens.spacingHorizontalXS },
});

const DAY = 86400;
const W = 1000;
const LEFT = 40;
const RIGHT = 40;
const AXIS = 78;
const LANE = 16;

/** "3 Dec 2026" in the reader's locale. */
export const localDay = (seconds: number) => new Date(seconds * 1000).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
/** "today", "tomorrow", "in 18 days". */
export const inDays = (seconds: number, now: number) => {
  const d = Math.ceil((seconds - now) / DAY);
  return d <= 0 ? 'today' : d === 1 ? 'tomorrow' : `in ${d} days`;
};

/**
 * The next `days` days as a picture: an axis with dates every 15 days, and one marker per key event, stacked where
 * events fall on the same day (five events are five markers, not four ticks). The list beside it says the same in words.
 */
export function UpcomingTimeline({ events, now, days = 90 }: { events: Upcoming[]; now: number; days?: number }) {
  const s = useStyles();
  const x = (at: number) => LEFT + ((at - now) / (days * DAY)) * (W - LEFT - RIGHT);
  const lanes = new Map<number, number>();
  const placed = events.map((e) => {
    const day = Math.floor((e.at - now) / DAY);
    const lane = lanes.get(day) ?? 0;
    lanes.set(day, lane + 1);
    return { e, cx: x(e.at), cy: AXIS - 14 - lane * LANE };
  });
  const top = Math.min(AXIS - 30, ...placed.map((p) => p.cy - 10));
  const expiries = events.filter((e) => e.kind === 'expiry').length;
  const label = `Key events in the next ${days} days: ${expiries} ${expiries === 1 ? 'expiry' : 'expiries'} and ${events.length - expiries} ${
    events.length - expiries === 1 ? 'rotation' : 'rotations'
  }, from ${localDay(now)} to ${localDay(now + days * DAY)}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg className={s.svg} viewBox={`0 ${top} ${W} ${AXIS + 30 - top}`} role="img" aria-label={label}>
        <line x1={LEFT} x2={W - RIGHT} y1={AXIS} y2={AXIS} stroke={tokens.colorNeutralStroke1} strokeWidth={2} />
        {Array.from({ length: Math.floor(days / 15) + 1 }, (_, i) => i * 15).map((d) => (
          <g key={d}>
            <line x1={x(now + d * DAY)} x2={x(now + d * DAY)} y1={AXIS - 4} y2={AXIS + 4} stroke={tokens.colorNeutralStroke1} strokeWidth={1.5} />
            <text x={x(now + d * DAY)} y={AXIS + 20} textAnchor="middle" fontSize={12} fill={tokens.colorNeutralForeground2}>
              {d === 0 ? 'Today' : localDay(now + d * DAY)}
            </text>
          </g>
        ))}
        {placed.map(({ e, cx, cy }) => (
          <g key={`${e.keyId}-${e.kind}-${e.at}`}>
            <line x1={cx} x2={cx} y1={cy} y2={AXIS} stroke={tokens.colorNeutralStroke2} strokeWidth={1} />
            <circle
              cx={cx}
              cy={cy}
              r={6}
              fill={e.kind === 'expiry' ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground}
              stroke={tokens.colorNeutralBackground1}
              strokeWidth={1.5}
            >
              <title>{`${e.vault} / ${e.key} ${e.kind === 'expiry' ? 'expires' : 'rotates'} ${localDay(e.at)} (${inDays(e.at, now)})`}</title>
            </circle>
          </g>
        ))}
      </svg>
      <figcaption className={s.legend}>
        <Caption1>
          <span className={s.swatch} style={{ background: tokens.colorPaletteRedBackground3 }} aria-hidden="true" />
          Expiry
        </Caption1>
        <Caption1>
          <span className={s.swatch} style={{ background: tokens.colorBrandBackground }} aria-hidden="true" />
          Rotation
        </Caption1>
      </figcaption>
    </figure>
  );
}

import { Badge, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, QuestionCircleRegular, WarningFilled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Verdict } from '@/lib/readiness/types';
import type { Health } from '@/lib/readiness/rows';

export const VERDICTS: { value: Verdict; label: string }[] = [
  { value: 'blocked', label: 'Blocked' },
  { value: 'unprotected', label: 'Unprotected' },
  { value: 'unknown', label: 'Unknown' },
  { value: 'attention', label: 'Attention' },
  { value: 'ready', label: 'Ready' },
];

/**
 * The status icons the grid draws on every row, as Fluent's own 20-px glyphs (@fluentui/react-icons 2.0.344:
 * CheckmarkCircleFilled, DismissCircleFilled, LockOpenRegular, QuestionCircleRegular, WarningFilled) painted through a
 * CSS mask in the text's colour. An inline <svg> per cell is its own small document to lay out and paint, and a
 * verdict that changes swaps one <svg> for another: a filter keystroke at 10,000 rows replaced some 70 of them, and
 * Fluent's focus manager walked each one (bench: grid, keystroke). A mask is a class that changes.
 */
const GLYPH = {
  checkmarkCircle:
    'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m3.36 5.65a.5.5 0 0 0-.64-.06l-.07.06L9 11.3 7.35 9.65l-.07-.06a.5.5 0 0 0-.7.7l.07.07 2 2 .07.06c.17.11.4.11.56 0l.07-.06 4-4 .07-.08a.5.5 0 0 0-.06-.63',
  dismissCircle:
    'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16M7.8 7.11a.5.5 0 0 0-.63.06l-.06.07a.5.5 0 0 0 .06.64L9.3 10l-2.12 2.12-.06.07a.5.5 0 0 0 .06.64l.07.06c.2.13.47.11.64-.06L10 10.7l2.12 2.12.07.06c.2.13.46.11.64-.06l.06-.07a.5.5 0 0 0-.06-.64L10.7 10l2.12-2.12.06-.07a.5.5 0 0 0-.06-.64l-.07-.06a.5.5 0 0 0-.64.06L10 9.3 7.88 7.17z',
  lockOpen:
    'M15 1a4 4 0 0 1 4 4v.5a.5.5 0 0 1-1 0V5a3 3 0 1 0-6 0v2h1.5A2.5 2.5 0 0 1 16 9.5v6a2.5 2.5 0 0 1-2.5 2.5h-7A2.5 2.5 0 0 1 4 15.5v-6A2.5 2.5 0 0 1 6.5 7H11V5a4 4 0 0 1 4-4M6.5 8C5.67 8 5 8.67 5 9.5v6c0 .83.67 1.5 1.5 1.5h7c.83 0 1.5-.67 1.5-1.5v-6c0-.83-.67-1.5-1.5-1.5zm3.5 3.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2',
  questionCircle:
    'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 1a7 7 0 1 0 0 14 7 7 0 0 0 0-14m0 10.5a.75.75 0 1 1 0 1.5.75.75 0 0 1 0-1.5m0-8a2.5 2.5 0 0 1 1.65 4.38l-.15.12-.22.17-.09.07-.16.15c-.33.36-.53.85-.53 1.61a.5.5 0 0 1-1 0 3.2 3.2 0 0 1 1.16-2.62l.25-.19.12-.1A1.5 1.5 0 0 0 10 6.5c-.83 0-1.5.67-1.5 1.5a.5.5 0 0 1-1 0A2.5 2.5 0 0 1 10 5.5',
  warning:
    'M7.37 3.56a3 3 0 0 1 5.26 0l5.5 10A3 3 0 0 1 15.5 18h-11a3 3 0 0 1-2.63-4.44zM10 12.75a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5m0-6.25a.5.5 0 0 0-.5.5v4a.5.5 0 0 0 1 0V7a.5.5 0 0 0-.5-.5',
};
type Glyph = keyof typeof GLYPH;
const maskOf = (g: Glyph) =>
  `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 20'><path d='${GLYPH[g]}'/></svg>`)}")`;

const useGlyphStyles = makeStyles({
  root: {
    display: 'inline-block',
    flexShrink: 0,
    width: '1em',
    height: '1em',
    backgroundColor: 'currentColor',
    maskRepeat: 'no-repeat',
    maskPosition: 'center',
    maskSize: 'contain',
    // High contrast keeps the glyph in the text's (system) colour instead of painting its box in the background's.
    forcedColorAdjust: 'none',
  },
  checkmarkCircle: { maskImage: maskOf('checkmarkCircle') },
  dismissCircle: { maskImage: maskOf('dismissCircle') },
  lockOpen: { maskImage: maskOf('lockOpen') },
  questionCircle: { maskImage: maskOf('questionCircle') },
  warning: { maskImage: maskOf('warning') },
});

const VERDICT_GLYPH: Record<Verdict, Glyph> = {
  blocked: 'dismissCircle',
  unprotected: 'lockOpen',
  unknown: 'questionCircle',
  attention: 'warning',
  ready: 'checkmarkCircle',
};

const useVerdictStyles = makeStyles({
  // Fluent's medium rounded tint Badge, drawn as one span: the grid mounts one per row on every keystroke, and the
  // Badge component's slots cost more than the rest of the cell.
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    height: '20px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
    boxSizing: 'border-box',
    // In a line of text (the grid's cells are blocks), centred on it.
    verticalAlign: 'middle',
    '& > i': { fontSize: '12px' },
  },
  blocked: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
  },
  unprotected: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
  },
  unknown: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  attention: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}`,
  },
  ready: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
});

/** A server's verdict as icon and word, never colour alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict | 'pending' }) {
  const s = useVerdictStyles();
  const g = useGlyphStyles();
  if (verdict === 'pending') {
    return (
      <Badge appearance="outline" color="informative" icon={<Spinner size="extra-tiny" aria-hidden="true" />} shape="rounded">
        Checking
      </Badge>
    );
  }
  return (
    <span className={mergeClasses(s.root, s[verdict])}>
      <i aria-hidden="true" className={mergeClasses(g.root, g[VERDICT_GLYPH[verdict]])} />
      {VERDICTS.find((v) => v.value === verdict)!.label}
    </span>
  );
}

const HEALTH: Record<Exclude<Health, 'none'>, { color: 'success' | 'warning' | 'danger' | 'informative'; icon: ReactElement; glyph: Glyph; label: string }> = {
  healthy: { color: 'success', icon: <CheckmarkCircleFilled />, glyph: 'checkmarkCircle', label: 'Healthy' },
  warning: { color: 'warning', icon: <WarningFilled />, glyph: 'warning', label: 'Warning' },
  critical: { color: 'danger', icon: <DismissCircleFilled />, glyph: 'dismissCircle', label: 'Critical' },
  unknown: { color: 'informative', icon: <QuestionCircleRegular />, glyph: 'questionCircle', label: 'Unknown' },
};

const useHealthIconStyles = makeStyles({
  // Looks like Fluent's small ghost Badge, for a fraction of its cost: the grid draws two per row on every keystroke.
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '16px',
    height: '16px',
    fontSize: '12px',
    position: 'relative',
    // Before a name in a line of text (the grid's cells are blocks).
    verticalAlign: 'middle',
    marginInlineEnd: tokens.spacingHorizontalXXS,
  },
  healthy: { color: tokens.colorPaletteGreenForeground3 },
  warning: { color: tokens.colorPaletteYellowForeground2 },
  critical: { color: tokens.colorPaletteRedForeground3 },
  unknown: { color: tokens.colorNeutralForeground3 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** Health as a coloured icon with its word for assistive technology (the word is beside it where there is room). */
export function HealthIcon({ health }: { health: Health }) {
  const s = useHealthIconStyles();
  const g = useGlyphStyles();
  if (health === 'none') return null;
  const h = HEALTH[health];
  return (
    <span className={mergeClasses(s.root, s[health])}>
      <i aria-hidden="true" className={mergeClasses(g.root, g[h.glyph])} />
      <span className={s.hidden}>{h.label}</span>
    </span>
  );
}

export function healthLabel(health: Health): string {
  return health === 'none' ? 'Not used' : HEALTH[health].label;
}

/** Health as icon and word, for tables. */
export function HealthBadge({ health }: { health: Health }) {
  if (health === 'none') return <span>Not used</span>;
  const h = HEALTH[health];
  return (
    <Badge appearance="ghost" color={h.color} icon={h.icon}>
      {h.label}
    </Badge>
  );
}

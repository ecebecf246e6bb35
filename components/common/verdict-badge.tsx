import { Badge, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, LockOpenRegular, QuestionCircleRegular, WarningFilled } from '@fluentui/react-icons';
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

const ICON: Record<Verdict, ReactElement> = {
  blocked: <DismissCircleFilled />,
  unprotected: <LockOpenRegular />,
  unknown: <QuestionCircleRegular />,
  attention: <WarningFilled />,
  ready: <CheckmarkCircleFilled />,
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
    '& > svg': { fontSize: '12px', flexShrink: 0 },
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
  if (verdict === 'pending') {
    return (
      <Badge appearance="outline" color="informative" icon={<Spinner size="extra-tiny" aria-hidden="true" />} shape="rounded">
        Checking
      </Badge>
    );
  }
  return (
    <span className={mergeClasses(s.root, s[verdict])}>
      {ICON[verdict]}
      {VERDICTS.find((v) => v.value === verdict)!.label}
    </span>
  );
}

const HEALTH: Record<Exclude<Health, 'none'>, { color: 'success' | 'warning' | 'danger' | 'informative'; icon: ReactElement; label: string }> = {
  healthy: { color: 'success', icon: <CheckmarkCircleFilled />, label: 'Healthy' },
  warning: { color: 'warning', icon: <WarningFilled />, label: 'Warning' },
  critical: { color: 'danger', icon: <DismissCircleFilled />, label: 'Critical' },
  unknown: { color: 'informative', icon: <QuestionCircleRegular />, label: 'Unknown' },
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
  if (health === 'none') return null;
  const h = HEALTH[health];
  return (
    <span className={mergeClasses(s.root, s[health])}>
      {h.icon}
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

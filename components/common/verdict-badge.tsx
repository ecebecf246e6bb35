import { Badge, Spinner } from '@fluentui/react-components';
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

const LOOK: Record<Verdict, { color: 'danger' | 'severe' | 'informative' | 'warning' | 'success'; icon: ReactElement }> = {
  blocked: { color: 'danger', icon: <DismissCircleFilled /> },
  unprotected: { color: 'severe', icon: <LockOpenRegular /> },
  unknown: { color: 'informative', icon: <QuestionCircleRegular /> },
  attention: { color: 'warning', icon: <WarningFilled /> },
  ready: { color: 'success', icon: <CheckmarkCircleFilled /> },
};

/** A server's verdict as icon and word, never colour alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict | 'pending' }) {
  if (verdict === 'pending') {
    return (
      <Badge appearance="outline" color="informative" icon={<Spinner size="extra-tiny" aria-hidden="true" />} shape="rounded">
        Checking
      </Badge>
    );
  }
  const look = LOOK[verdict];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded">
      {VERDICTS.find((v) => v.value === verdict)!.label}
    </Badge>
  );
}

const HEALTH: Record<Exclude<Health, 'none'>, { color: 'success' | 'warning' | 'danger' | 'informative'; icon: ReactElement; label: string }> = {
  healthy: { color: 'success', icon: <CheckmarkCircleFilled />, label: 'Healthy' },
  warning: { color: 'warning', icon: <WarningFilled />, label: 'Warning' },
  critical: { color: 'danger', icon: <DismissCircleFilled />, label: 'Critical' },
  unknown: { color: 'informative', icon: <QuestionCircleRegular />, label: 'Unknown' },
};

export function HealthIcon({ health }: { health: Health }) {
  if (health === 'none') return null;
  const h = HEALTH[health];
  return (
    <Badge appearance="ghost" color={h.color} icon={h.icon} size="small" aria-label={h.label}>
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{h.label}</span>
    </Badge>
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

import { Badge } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { CheckmarkCircleFilled, DismissCircleFilled, QuestionCircleRegular, WarningFilled } from '@fluentui/react-icons';

export type Status = 'healthy' | 'warning' | 'critical' | 'unknown';

const LOOK: Record<Status, { color: 'success' | 'warning' | 'danger' | 'informative'; icon: ReactElement }> = {
  healthy: { color: 'success', icon: <CheckmarkCircleFilled /> },
  warning: { color: 'warning', icon: <WarningFilled /> },
  critical: { color: 'danger', icon: <DismissCircleFilled /> },
  unknown: { color: 'informative', icon: <QuestionCircleRegular /> },
};

/** Status as icon and word together, never colour alone. */
export function StatusBadge({ status, label }: { status: Status; label: string }) {
  const look = LOOK[status];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded">
      {label}
    </Badge>
  );
}

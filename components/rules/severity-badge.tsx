import { Badge } from '@fluentui/react-components';
import type { Severity } from '@/lib/readiness/types';

const COLOR: Record<Severity, 'danger' | 'severe' | 'warning' | 'informative' | 'subtle'> = {
  critical: 'danger',
  high: 'severe',
  medium: 'warning',
  low: 'informative',
  info: 'subtle',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge appearance="tint" color={COLOR[severity]} shape="rounded">
      {severity[0]!.toUpperCase() + severity.slice(1)}
    </Badge>
  );
}

import { tokens } from '@fluentui/react-components';

/** A section card as the portal draws one: a bordered surface whose children stack with medium gaps. */
export const CARD = {
  backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  padding: tokens.spacingHorizontalL,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
} as const;

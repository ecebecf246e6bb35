'use client';

/**
 * The header's menus: the account menu and the notifications list. They load when the browser is idle after the page
 * is shown (or at the first click), not with every page's first load: Fluent's menu and popover are 13 kB gzip.
 */
import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Link,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular, DismissRegular, InfoRegular, SignOutRegular, WarningRegular } from '@fluentui/react-icons';
import { useRouter } from 'next/navigation';
import type { ReactElement } from 'react';
import { notifications, type Notice } from '@/lib/queries/notifications';

const useStyles = makeStyles({
  surface: { width: '380px', maxHeight: '480px', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr auto',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  signedIn: { padding: '4px 12px 8px', display: 'flex', flexDirection: 'column' },
  success: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Controlled {
  trigger: ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Who is signed in, and Sign out. */
export function AccountMenu({
  trigger,
  open,
  onOpenChange,
  name,
  username,
  directoryName,
  onSignOut,
}: Controlled & { name?: string; username: string; directoryName?: string; onSignOut: () => void }) {
  const s = useStyles();
  return (
    <Menu positioning="below-end" open={open} onOpenChange={(_, d) => onOpenChange(d.open)}>
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Signed in</MenuGroupHeader>
            <div className={s.signedIn}>
              <Body1Strong>{name}</Body1Strong>
              <Caption1>{username}</Caption1>
              <Caption1>{directoryName}</Caption1>
            </div>
          </MenuGroup>
          <MenuDivider />
          <MenuItem icon={<SignOutRegular />} onClick={onSignOut}>
            Sign out
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

const ICON = { success: CheckmarkCircleRegular, error: DismissCircleRegular, warning: WarningRegular, info: InfoRegular };

/** This session's notifications, newest first; opening the list marks them read. */
export function NotificationsPopover({ trigger, open, onOpenChange }: Controlled) {
  const s = useStyles();
  const list = notifications.use();
  return (
    <Popover
      positioning="below-end"
      withArrow
      open={open}
      onOpenChange={(_, d) => {
        if (d.open) notifications.markAllRead();
        onOpenChange(d.open);
      }}
    >
      <PopoverTrigger disableButtonEnhancement>{trigger}</PopoverTrigger>
      <PopoverSurface className={s.surface} aria-label="Notifications">
        <div className={s.head}>
          <Subtitle2 as="h2">Notifications</Subtitle2>
          {list.length > 0 && (
            <Button size="small" appearance="subtle" onClick={notifications.clear}>
              Dismiss all
            </Button>
          )}
        </div>
        {list.length === 0 ? (
          <Body1 className={s.muted}>Nothing yet. When a setup, a fix or a re-replication ends, it is reported here.</Body1>
        ) : (
          <ul className={s.list}>
            {list.map((n) => (
              <NoticeItem key={n.id} n={n} />
            ))}
          </ul>
        )}
      </PopoverSurface>
    </Popover>
  );
}

function NoticeItem({ n }: { n: Notice }) {
  const s = useStyles();
  const router = useRouter();
  const Icon = ICON[n.intent];
  return (
    <li className={s.item} aria-label={n.title}>
      <Icon className={s[n.intent]} aria-hidden="true" />
      <div>
        <Body1 block>
          <strong>{n.title}</strong>
        </Body1>
        <Body1 block>{n.body}</Body1>
        <Caption1 className={s.muted}>
          {new Date(n.at).toLocaleTimeString()}
          {n.href && (
            <>
              {' · '}
              <Link
                href={n.href}
                onClick={(e) => {
                  e.preventDefault();
                  router.push(n.href!);
                }}
              >
                Open
              </Link>
            </>
          )}
        </Caption1>
      </div>
      <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={`Dismiss ${n.title}`} onClick={() => notifications.dismiss(n.id)} />
    </li>
  );
}

'use client';

import { Button, makeStyles, Skeleton, SkeletonItem, Tooltip, tokens } from '@fluentui/react-components';
import { BuildingRegular, DismissRegular, DocumentRegular, WeatherMoonRegular, WeatherSunnyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AccountInfo } from '@azure/msal-browser';
import { useQuery } from '@tanstack/react-query';
import { useArm } from '@/lib/queries/arm-context';
import { closeOfflineEstate, type OfflineEstate } from '@/lib/queries/estate';
import { useRouter } from 'next/navigation';
import { directoryQuery } from '@/lib/queries/subscriptions';
import { useLockstepConfig } from '../providers/config-context';
import { useTheme } from '../providers/theme-provider';
import { BrandMark } from './brand-mark';
import { Initials } from '../common/initials';
import { KeepFocus } from '../common/keep-focus';
import { useIdleImport } from '../common/use-idle-import';
import { NotificationBell } from './notifications';
import { useSession } from '@/lib/auth/session-context';

const useStyles = makeStyles({
  bar: {
    height: '48px',
    flex: 'none',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackgroundStatic,
    color: tokens.colorNeutralForegroundStaticInverted,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: 'inherit',
    textDecorationLine: 'none',
  },
  product: { color: 'inherit', opacity: 0.8, fontSize: tokens.fontSizeBase200, '@media (max-width: 720px)': { display: 'none' } },
  spacer: { flex: 1 },
  directory: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: 'inherit',
    '@media (max-width: 600px)': { display: 'none' },
  },
  onDark: {
    color: tokens.colorNeutralForegroundStaticInverted,
    ':hover': { color: tokens.colorNeutralForegroundStaticInverted, backgroundColor: 'rgba(255,255,255,0.12)' },
    ':hover:active': { color: tokens.colorNeutralForegroundStaticInverted, backgroundColor: 'rgba(255,255,255,0.2)' },
  },
  account: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, textAlign: 'right', minWidth: 0 },
  accountText: { display: 'flex', flexDirection: 'column', lineHeight: '16px', '@media (max-width: 720px)': { display: 'none' } },
  tenantCaps: { textTransform: 'uppercase', fontSize: '10px', letterSpacing: '0.04em', opacity: 0.85 },
  skeleton: { width: '120px' },
});

/** The portal's header. Signed in: the directory and the account menu. Offline review: the file and a way to close it. */
export function HeaderBar({ account, offline }: { account?: AccountInfo; offline?: OfflineEstate }) {
  const s = useStyles();
  const { logoutRedirect } = useSession();
  const config = useLockstepConfig();
  const router = useRouter();
  const { theme, setTheme } = useTheme();
  const directory = useQuery({ ...directoryQuery(useArm(), account?.tenantId), enabled: !!account && !offline });
  const directoryName = offline
    ? (offline.file.tenantDisplayName ?? `Directory ${offline.file.tenantId}`)
    : (directory.data?.displayName ?? (directory.isError ? `Directory ${account?.tenantId}` : undefined));

  // The menu's code loads when the page is idle, or at the first click (header-overlays.tsx).
  const [overlays, loadOverlays] = useIdleImport(() => import('./header-overlays'));
  const [menuOpen, setMenuOpen] = useState(false);
  const accountButton = account && (
    <Button
      appearance="subtle"
      className={s.onDark}
      aria-label={`Account: ${account.name ?? account.username}`}
      onClick={overlays ? undefined : () => void loadOverlays().then(() => setMenuOpen(true))}
    >
      <span className={s.account}>
        <span className={s.accountText}>
          <span>{account.username}</span>
          <span className={s.tenantCaps}>{directoryName ?? ''}</span>
        </span>
        <Initials name={account.name ?? account.username} />
      </span>
    </Button>
  );

  return (
    <header className={s.bar} data-print-hide>
      <a href="/overview/" className={s.brand}>
        <BrandMark size={26} />
        <span>Lockstep</span>
      </a>
      <span className={s.product}>Customer-managed keys for Azure Migrate</span>
      <span className={s.spacer} />
      <span className={s.directory} aria-label="Directory">
        <BuildingRegular aria-hidden="true" />
        {directoryName ? (
          <span data-testid="directory-name">{directoryName}</span>
        ) : (
          <Skeleton className={s.skeleton} aria-label="Loading directory">
            <SkeletonItem size={12} />
          </Skeleton>
        )}
      </span>
      <NotificationBell className={s.onDark} />
      <Tooltip content={theme === 'dark' ? 'Dark theme is on' : 'Dark theme is off'} relationship="description">
        <Button
          appearance="subtle"
          className={s.onDark}
          aria-pressed={theme === 'dark'}
          icon={theme === 'dark' ? <WeatherMoonRegular /> : <WeatherSunnyRegular />}
          aria-label="Dark theme"
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        />
      </Tooltip>
      {offline && (
        <>
          <span className={s.directory} aria-label="Offline review">
            <DocumentRegular aria-hidden="true" />
            Offline review of {offline.fileName}, captured {offline.file.capturedAt.slice(0, 10)}
          </span>
          <Button
            appearance="subtle"
            className={s.onDark}
            icon={<DismissRegular />}
            onClick={() => {
              closeOfflineEstate();
              router.push('/');
            }}
          >
            Close file
          </Button>
        </>
      )}
      {account && !offline && (
        <KeepFocus when={overlays}>
          {overlays ? (
            <overlays.AccountMenu
              trigger={accountButton!}
              open={menuOpen}
              onOpenChange={setMenuOpen}
              name={account.name}
              username={account.username}
              directoryName={directoryName}
              onSignOut={() => void logoutRedirect({ account, postLogoutRedirectUri: config.redirectUri })}
            />
          ) : (
            accountButton
          )}
        </KeepFocus>
      )}
    </header>
  );
}

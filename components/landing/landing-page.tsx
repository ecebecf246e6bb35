'use client';

import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { DocumentTableRegular, FolderOpenRegular, ShieldCheckmarkRegular, WrenchRegular } from '@fluentui/react-icons';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { safeReturnPath } from '@/lib/auth/return-path';
import { landingPathFor } from '@/lib/queries/landing';
import { useArm } from '@/lib/queries/arm-context';
import { BrandMark } from '../shell/brand-mark';
import { useLockstepConfig } from '../providers/config-context';
import { useReturnTo } from '../providers/return-to';
import { useSession } from '@/lib/auth/session-context';
import { EncryptionChain } from './encryption-chain';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  top: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
  },
  main: {
    flex: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalXXL,
  },
  hero: { maxWidth: '760px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'flex-start' },
  lead: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, color: tokens.colorNeutralForeground2 },
  signIn: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  msLogo: { display: 'grid', gridTemplateColumns: '9px 9px', gap: '2px' },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, maxWidth: '980px', width: '100%' },
  tileIcon: { fontSize: '24px', color: tokens.colorBrandForeground1 },
  footer: { padding: tokens.spacingHorizontalXXL, color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

function MicrosoftLogo() {
  const s = useStyles();
  return (
    <span className={s.msLogo} aria-hidden="true">
      {['#f25022', '#7fba00', '#00a4ef', '#ffb900'].map((c) => (
        <span key={c} style={{ width: 9, height: 9, background: c, display: 'block' }} />
      ))}
    </span>
  );
}

/** Signed out: what Lockstep does, in two sentences, and the way in. */
export function LandingPage() {
  const s = useStyles();
  const { loginRedirect, busy, accounts } = useSession();
  const config = useLockstepConfig();
  const router = useRouter();
  const params = useSearchParams();
  // Where to go after sign-in: the page the user asked for, else a landing chosen by what they may do.
  const explicit = useReturnTo() ?? safeReturnPath(params.get('returnTo'));
  const arm = useArm();
  const [error, setError] = useState<string>();
  const signedIn = accounts.length > 0;

  useEffect(() => {
    if (!signedIn || busy) return;
    if (explicit) {
      router.replace(explicit);
      return;
    }
    let cancelled = false;
    void landingPathFor(arm, accounts[0]!).then((path) => {
      if (!cancelled) router.replace(path);
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn, busy, router, explicit, arm, accounts]);

  const fileInput = useRef<HTMLInputElement>(null);
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    // The rules load only when someone opens a file (the schema only in the worker that reads it): the signed-out page
    // stays small, and choosing a file starts no long task on the page.
    const [{ EstateFileError }, { openEstateFile }, { openOfflineEstate }] = await Promise.all([
      import('@/lib/estate/file-error'),
      import('@/lib/estate/open-file'),
      import('@/lib/queries/estate'),
    ]);
    try {
      const opening = openEstateFile(file);
      // While a worker reads the file, the Overview's code loads and starts: the switch to it is then one short task.
      router.prefetch('/overview/');
      void Promise.all([import('@/components/shell/portal-shell'), import('@/components/overview/overview-page')]).catch(() => undefined);
      openOfflineEstate(file.name, await opening);
      // Nothing is scrolled on the way from this page: no scroll handling, which would read the new page's layout in the
      // middle of mounting it (Next.js's scroll-into-view check, measured at 35 ms of forced style and layout).
      router.push('/overview/', { scroll: false });
    } catch (e) {
      setError(
        e instanceof EstateFileError
          ? `${file.name} is not an estate file Lockstep can read: ${e.jsonPath}: ${e.detail}`
          : `${file.name} could not be opened: ${(e as Error).message}`,
      );
    }
  };

  const signIn = () => {
    setError(undefined);
    loginRedirect({ scopes: [config.cloud.armScope], state: explicit, prompt: 'select_account' }).catch((e: Error) =>
      setError(`Sign-in could not start: ${e.message}`),
    );
  };

  return (
    <div className={s.page}>
      <header className={s.top}>
        <BrandMark size={28} />
        Lockstep
      </header>
      <main className={s.main}>
        <section className={s.hero} aria-labelledby="landing-title">
          <Title1 as="h1" id="landing-title">
            Encrypted with your key from the first byte in Azure.
          </Title1>
          <Body1 as="p" className={s.lead}>
            Lockstep checks every VMware server that Azure Migrate replicates and shows whether its disks will land under your own key: the disk encryption set,
            key vault, key and access grant behind each one, with a verdict that explains itself. It gives security officers the evidence auditors ask for, and
            guides engineers through creating or repairing what is missing before replication starts.
          </Body1>
          <EncryptionChain />
          <div className={s.signIn}>
            {signedIn ? (
              <Spinner size="small" label="Signing you in…" />
            ) : (
              <Button appearance="primary" size="large" icon={<MicrosoftLogo />} onClick={signIn} disabled={busy}>
                Sign in with Microsoft
              </Button>
            )}
            <Button appearance="secondary" size="large" icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>
              Open estate file
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Estate file"
              onChange={(e) => void openFile(e.target.files?.[0])}
            />
          </div>
          <div className={s.signIn}>
            <Caption1>
              {config.cloud.name === 'local'
                ? `Signs in to the local Azure emulator at ${config.cloud.authorityHost}.`
                : `Signs in with Microsoft Entra ID (${config.cloud.displayName}). Lockstep reads Azure with your own permissions.`}
            </Caption1>
          </div>
          <Caption1>Open estate file reviews a capture taken elsewhere, in this browser only, without signing in.</Caption1>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </section>
        <section className={s.tiles} aria-label="What Lockstep does">
          <Card>
            <CardHeader image={<DocumentTableRegular className={s.tileIcon} />} header={<Subtitle2 as="h2">Consultants</Subtitle2>} />
            <Body1>Readiness of every replicating server across projects and subscriptions, with the reason behind each verdict.</Body1>
          </Card>
          <Card>
            <CardHeader image={<ShieldCheckmarkRegular className={s.tileIcon} />} header={<Subtitle2 as="h2">Security officers</Subtitle2>} />
            <Body1>A read-only compliance view and evidence for ISO/IEC 27001 8.24, NEN 7510 and GDPR Art. 32.</Body1>
          </Card>
          <Card>
            <CardHeader image={<WrenchRegular className={s.tileIcon} />} header={<Subtitle2 as="h2">Engineers</Subtitle2>} />
            <Body1>Guided setup of key vault, key, disk encryption set and access grant, checked before anything runs.</Body1>
          </Card>
        </section>
      </main>
      <footer className={s.footer}>
        <Caption1>Your access token stays in this browser tab&apos;s session storage and goes only to Microsoft Entra ID and Azure Resource Manager.</Caption1>
      </footer>
    </div>
  );
}

'use client';

import { Body1, Button, Caption1, makeStyles, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { sha256Hex } from '@/lib/compliance/sha256';
import { CONTROL_STATUS_LABEL, custodyText } from '@/lib/compliance/wording';
import { useOfflineEstate, type Readiness } from '@/lib/queries/estate';
import { ruleById } from '@/lib/readiness/catalog';
import { gapLines } from '@/lib/readiness/wording';
import { findingsByRule } from '@/lib/readiness/rows';
import { ReadinessFrame } from '../resources/readiness-frame';
import { useCompliance } from './compliance-page';
import { useSession } from '@/lib/auth/session-context';

const useStyles = makeStyles({
  page: {
    maxWidth: '980px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'left',
      padding: '4px 6px',
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A report that prints cleanly to PDF from the browser: the shell is hidden by the print styles. */
export function ReportPage() {
  return <ReadinessFrame>{(r) => <Report readiness={r} />}</ReadinessFrame>;
}

function Report({ readiness }: { readiness: Readiness }) {
  const s = useStyles();
  const c = useCompliance(readiness);
  const { accounts } = useSession();
  const offline = useOfflineEstate();
  // The same bytes "Download evidence" saves as the estate file.
  const digest = useMemo(() => sha256Hex(JSON.stringify(readiness.file, null, 2) + '\n'), [readiness.file]);
  const exceptions = readiness.evaluation.findings.filter((f) => f.severity === 'critical' || f.severity === 'high' || f.severity === 'medium');
  const byRule = useMemo(() => findingsByRule(exceptions), [exceptions]);
  const gaps = gapLines(readiness);
  const settings = readiness.evaluation.settings;
  const sum = readiness.evaluation.summary;
  return (
    <article className={s.page} aria-label="Compliance report">
      <div data-print-hide>
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
          Print or save as PDF
        </Button>
      </div>
      <header>
        <Title2 as="h1">Customer-managed key compliance report</Title2>
        <Body1 block>
          {readiness.file.tenantDisplayName ?? readiness.file.tenantId} · generated {new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by{' '}
          {accounts[0]?.username ?? (offline ? `offline review of ${offline.fileName}` : 'unknown')}
        </Body1>
        <Caption1 block className={s.muted}>
          Estate captured {readiness.file.capturedAt}; SHA-256 of the estate file <span className={s.mono}>{digest}</span>
        </Caption1>
      </header>
      <section aria-label="Scope">
        <Subtitle1 as="h2">Scope</Subtitle1>
        <table className={s.table}>
          <tbody>
            <tr>
              <th scope="row">Tenant</th>
              <td>
                {readiness.file.tenantDisplayName ?? '—'} <span className={s.mono}>({readiness.file.tenantId})</span>
              </td>
            </tr>
            <tr>
              <th scope="row">Subscriptions read ({readiness.file.subscriptions.length})</th>
              <td>
                {readiness.file.subscriptions.map((x) => (
                  <div key={x.subscriptionId}>
                    {x.displayName} <span className={s.mono}>({x.subscriptionId})</span>
                  </div>
                ))}
              </td>
            </tr>
            <tr>
              <th scope="row">What could not be read</th>
              <td>{gaps.length === 0 ? 'Nothing: every read succeeded.' : gaps.map((g) => <div key={g}>{g}</div>)}</td>
            </tr>
            <tr>
              <th scope="row">Settings</th>
              <td>
                Keys expiring within {settings.expiryWarningDays} days are flagged; RSA keys below {settings.minimumRsaKeySize} bits are flagged; double
                encryption is {settings.requireDoubleEncryption ? 'required' : 'not required'}.
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section>
        <Subtitle1 as="h2">Summary</Subtitle1>
        <Body1 block>
          {sum.servers} replicating servers: {sum.ready} ready, {sum.attention} need attention, {sum.unknown} unknown, {sum.unprotected} unprotected,{' '}
          {sum.blocked} blocked. {c.coverage.protectedServers} of {c.coverage.servers} servers (
          {c.coverage.servers ? Math.round((c.coverage.protectedServers / c.coverage.servers) * 100) : 0}%) and{' '}
          {(c.coverage.protectedCapacityGiB / 1024).toFixed(1)} of {(c.coverage.capacityGiB / 1024).toFixed(1)} TiB of disk will land under a customer-managed
          key with a healthy chain.
        </Body1>
      </section>
      <section>
        <Subtitle1 as="h2">Controls</Subtitle1>
        <table className={s.table}>
          <thead>
            <tr>
              <th>Control</th>
              <th>Status</th>
              <th>Failing rules</th>
              <th>Servers</th>
            </tr>
          </thead>
          <tbody>
            {c.controls.map((x) => (
              <tr key={x.id}>
                <td>
                  {x.id} · {x.title}
                </td>
                <td>{CONTROL_STATUS_LABEL[x.status]}</td>
                <td>{x.failing.rules.join(', ') || '—'}</td>
                <td>{x.failing.servers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="Exceptions">
        <Subtitle1 as="h2">
          Exceptions: {exceptions.length} findings of {byRule.length} rules
        </Subtitle1>
        <table className={s.table}>
          <thead>
            <tr>
              <th>Rule</th>
              <th>Findings</th>
              <th>Servers</th>
            </tr>
          </thead>
          <tbody>
            {byRule.map((g) => (
              <tr key={g.ruleId}>
                <td>
                  {g.ruleId} ({g.severity}) {ruleById(g.ruleId)?.title}
                </td>
                <td>
                  {g.findings.slice(0, EXAMPLES).map((f) => (
                    <div key={`${f.resourceId}-${f.message}`}>{f.message}</div>
                  ))}
                  {g.findings.length > EXAMPLES && (
                    <div className={s.muted}>
                      and {g.findings.length - EXAMPLES} more like {g.findings.length - EXAMPLES === 1 ? 'it' : 'them'} (every one is in the evidence bundle)
                    </div>
                  )}
                </td>
                <td>{g.servers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <Subtitle1 as="h2">Key custody and blast radius</Subtitle1>
        <table className={s.table}>
          <thead>
            <tr>
              <th>Key</th>
              <th>Type</th>
              <th>Expires</th>
              <th>Purge protection</th>
              <th>Who controls it</th>
              <th>Stops if lost</th>
            </tr>
          </thead>
          <tbody>
            {c.custody.map((k) => (
              <tr key={k.keyId}>
                <td>{custodyText.key(k)}</td>
                <td>
                  {custodyText.type(k)}
                  {k.hsmBacked && !k.inManagedHsm ? ' (HSM)' : k.inManagedHsm ? ' (Managed HSM)' : ''}
                </td>
                <td>{custodyText.expires(k)}</td>
                <td>{custodyText.purgeProtection(k)}</td>
                <td>{custodyText.holders(k)}</td>
                <td>{custodyText.blast(k)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

/** How many findings of one rule the report quotes; the rest are counted (the bundle lists them all). */
const EXAMPLES = 3;

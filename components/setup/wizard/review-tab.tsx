'use client';

import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { parseResourceId } from '@/lib/estate/ids';
import { Essentials } from '../../overview/essentials';
import { ConfirmDialog, PlanExport, PlanSteps, PreflightView } from '../plan-review';
import { ReenableNotice } from './basics-tab';
import { useWizardStyles } from './styles';
import { TABS, tabOf, type SetupWizard } from './use-setup-wizard';

/** Review + create: every problem with the tab to fix it on, the summary, preflight, the requests, exports and the confirmation. */
export function ReviewTab({ w, confirming, setConfirming }: { w: SetupWizard; confirming: boolean; setConfirming: (open: boolean) => void }) {
  const s = useWizardStyles();
  const { intent, problems, plan, preflight, chosenVault, rbac, subName, go, create } = w;
  return (
    <>
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Fix these before anything can run</MessageBarTitle>
            <ul className={s.list}>
              {problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <Button appearance="transparent" size="small" onClick={() => go(tabOf(p))}>
                    {TABS.find((t) => t.id === tabOf(p))!.title}
                  </Button>
                  {p.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan && (
        <>
          <Essentials
            label="Summary"
            items={[
              { key: 'Subscription', value: subName(intent.subscriptionId) },
              { key: 'Resource group', value: intent.resourceGroup },
              { key: 'Region', value: intent.location },
              {
                key: 'Key vault',
                value:
                  'create' in intent.keyVault
                    ? `${intent.keyVault.create.name} (new, ${intent.keyVault.create.sku})`
                    : (chosenVault?.name ?? intent.keyVault.use),
              },
              {
                key: 'Key',
                value:
                  'create' in intent.key
                    ? `${intent.key.create.name} (new, ${intent.key.create.kty} ${intent.key.create.size}, rotates every ${intent.key.create.rotateEveryDays} days)`
                    : (parseResourceId(intent.key.use)?.name ?? intent.key.use),
              },
              {
                key: 'Disk encryption set',
                value: `${intent.diskEncryptionSet.name} (${intent.diskEncryptionSet.autoRotate ? 'auto key rotation' : 'fixed key version'})`,
              },
              { key: 'Access', value: rbac ? 'Role assignment: Key Vault Crypto Service Encryption User' : 'Access policy: get, wrapKey, unwrapKey' },
              {
                key: 'Audit log',
                value: intent.auditLogs ? `to ${parseResourceId(intent.auditLogs.workspaceId)?.name ?? intent.auditLogs.workspaceId}` : 'not configured',
              },
              {
                key: 'Policy guard',
                value: intent.policyGuard?.resourceGroups.length
                  ? `Deny other disk encryption sets in ${intent.policyGuard.resourceGroups.map((rg) => parseResourceId(rg)?.name ?? rg).join(', ')}`
                  : 'not assigned',
              },
            ]}
          />
          <ReenableNotice w={w} />
          {plan.warnings.map((w) => (
            <MessageBar key={w} intent="warning">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          ))}
          <PreflightView preflight={preflight.data} isPending={preflight.isPending} error={preflight.error} />
          <PlanSteps plan={plan} />
          <PlanExport plan={plan} baseName={`lockstep-${intent.diskEncryptionSet.name}`} />
          <ConfirmDialog
            open={confirming}
            plan={plan}
            blockedSteps={(preflight.data?.steps ?? []).filter((c) => c.allowed === false).map((c) => c.title.charAt(0).toLowerCase() + c.title.slice(1))}
            actionLabel="Create"
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              create();
            }}
          />
        </>
      )}
    </>
  );
}

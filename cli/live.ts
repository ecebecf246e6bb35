/** A live scan for the CLI: Azure through @azure/identity, the emulator through the password grant. */
import type { EstateFile } from '../lib/estate/file';
import { CLOUD_NAMES, PUBLIC_CLOUDS, localCloud, type CloudName } from '../lib/auth/clouds';
import { PasswordTokenSource } from '../lib/auth/password-token-source';
import type { TokenSource } from '../lib/auth/token-source';
import { captureEstate } from '../lib/azure/inventory';
import type { ScanArgs } from './scan-args';

// The demo estate's Lockstep CLI registration (emulator/README.md); real tenants pass --client-id.
const DEMO_TENANT = 'dae51f1f-16c8-5e9a-89c9-5ffaa14ba27c';
const DEMO_CLI_CLIENT = '3cc8f921-caf2-57db-b010-735ed8e04871';

export async function liveEstate(args: ScanArgs): Promise<EstateFile> {
  const cloud = args.cloud as CloudName;
  if (!CLOUD_NAMES.includes(cloud)) throw new Error(`--cloud must be one of ${CLOUD_NAMES.join(', ')}`);
  let tokens: TokenSource;
  let target;
  if (cloud === 'local') {
    const c = localCloud(args.emulator ?? 'http://127.0.0.1:3080');
    if (!args.user || !args.password) throw new Error('a local scan needs --user UPN and --password (the demo users are in emulator/README.md)');
    tokens = new PasswordTokenSource({
      tokenEndpoint: `${c.authorityHost}/${args.tenant ?? DEMO_TENANT}/oauth2/v2.0/token`,
      clientId: args.clientId ?? DEMO_CLI_CLIENT,
      username: args.user,
      password: args.password,
      scope: c.armScope,
    });
    target = c;
  } else {
    const c = PUBLIC_CLOUDS[cloud];
    const { DefaultAzureCredential } = await import('@azure/identity');
    const credential = new DefaultAzureCredential();
    tokens = {
      getArmToken: async () => {
        const t = await credential.getToken(`${c.armEndpoint}/.default`);
        if (!t) throw new Error('no Azure credential: sign in with `az login` or set AZURE_* variables');
        return { token: t.token, expiresOnTimestamp: t.expiresOnTimestamp };
      },
    };
    target = c;
  }
  return captureEstate({
    cloud: target,
    tokens,
    subscriptionIds: args.subscriptions.length > 0 ? args.subscriptions : undefined,
    onProgress: (p) =>
      process.stderr.write(
        `\rscan: ${p.subscriptionsDone}/${p.subscriptionsTotal} subscriptions, ${p.requests} requests, ${p.resources} resources, ${p.gaps} gaps `,
      ),
  }).finally(() => process.stderr.write('\n'));
}

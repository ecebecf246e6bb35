/**
 * The local Microsoft Entra ID: one directory (the estate's tenant) and its endpoints, one module per endpoint group —
 * discovery, sign-in (authorize, account picker, logout) and tokens. This file resolves the tenant and routes.
 */
import { json, type Reply, type Req } from '../http';
import type { SigningKey } from '../jwt';
import type { Store } from '../store';
import { discovery, instanceDiscovery, userRealm } from './discovery';
import { aadError, corsOriginAllowed, type AuthCode, type Directory, type EntraOptions, type RefreshGrant } from './shared';
import { authorize, logout, roleSummary } from './sign-in';
import { token } from './token';

export { ARM_AUDIENCES, GRAPH_AUDIENCES, accessTokenIssuer, type EntraOptions } from './shared';

export class Entra {
  private readonly directory: Directory;

  constructor(store: Store, key: SigningKey, opts: EntraOptions) {
    this.directory = { store, key, opts, codes: new Map<string, AuthCode>(), refreshTokens: new Map<string, RefreshGrant>() };
  }

  reset(): void {
    this.directory.codes.clear();
    this.directory.refreshTokens.clear();
  }

  /** `/{tenant}/...` → the estate's tenant id, or undefined when the tenant is not this directory. */
  resolveTenant(segment: string): string | undefined {
    const s = segment.toLowerCase();
    const e = this.directory.store.estate;
    if (s === e.tenantId.toLowerCase() || s === 'organizations' || s === 'common' || s === e.tenantDefaultDomain?.toLowerCase()) return e.tenantId;
    return undefined;
  }

  handle(req: Req, tenantSegment: string, rest: string): Reply | Promise<Reply> {
    const d = this.directory;
    const tid = this.resolveTenant(tenantSegment);
    if (!tid) {
      return json(
        400,
        aadError(
          'invalid_tenant',
          90002,
          `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        ),
      );
    }
    if (rest.toLowerCase().startsWith('userrealm/')) return userRealm(d, rest.slice('userrealm/'.length));
    switch (rest.toLowerCase()) {
      case 'v2.0/.well-known/openid-configuration':
        return json(200, discovery(d, req.origin, tenantSegment, tid), { 'Access-Control-Allow-Origin': '*' });
      case 'discovery/v2.0/keys':
        return json(200, { keys: [d.key.jwk()] }, { 'Access-Control-Allow-Origin': '*' });
      case 'discovery/instance':
        return instanceDiscovery(req, tenantSegment);
      case 'oauth2/v2.0/authorize':
        return authorize(d, req, tid);
      case 'oauth2/v2.0/token':
        return token(d, req, tid);
      case 'oauth2/v2.0/logout':
        return logout(d, req);
      default:
        return json(404, aadError('not_found', 90000, `The endpoint '${rest}' does not exist.`));
    }
  }

  discovery(origin: string, tenantSegment: string, tid: string) {
    return discovery(this.directory, origin, tenantSegment, tid);
  }

  /** Origins of registered SPA redirect URIs may redeem codes cross-origin (Entra's SPA platform). */
  corsOriginAllowed(origin: string | undefined): boolean {
    return corsOriginAllowed(this.directory, origin);
  }

  roleSummary(oid: string, jobTitle?: string): string {
    return roleSummary(this.directory, oid, jobTitle);
  }
}

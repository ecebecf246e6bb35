/** Discovery: OpenID metadata, signing keys, instance discovery and the user realm MSAL and the Azure CLI ask for first. */
import { json, type Reply, type Req } from '../http';
import type { Directory } from './shared';

export function discovery(d: Directory, origin: string, tenantSegment: string, tid: string) {
  const base = `${origin}/${tenantSegment}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${tid}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
    tenant_region_scope: 'EU',
    cloud_instance_name: new URL(origin).host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  };
}

/** `/common/userrealm/{upn}`: MSAL asks whether an account is managed (password grant) or federated. */
export function userRealm(d: Directory, upn: string): Reply {
  const domain = decodeURIComponent(upn).split('@')[1] ?? '';
  const known = d.store.estate.tenantDefaultDomain?.toLowerCase() === domain.toLowerCase() || !!d.store.userByName(decodeURIComponent(upn));
  return json(200, {
    ver: '1.0',
    account_type: known ? 'Managed' : 'Unknown',
    domain_name: domain,
    cloud_instance_name: 'microsoftonline.com',
    cloud_audience_urn: 'urn:federation:MicrosoftOnline',
  });
}

/** Instance discovery: the authority's aliases, as login.microsoftonline.com answers it. */
export function instanceDiscovery(req: Req, tenantSegment: string): Reply {
  const base = `${req.origin}/${tenantSegment}`;
  return json(
    200,
    {
      tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: req.url.host, preferred_cache: req.url.host, aliases: [req.url.host] }],
    },
    { 'Access-Control-Allow-Origin': '*' },
  );
}

import { armError } from './arm/errors';
import { json, queryParam, type Reply, type Req } from './http';

/**
 * `GET /metadata/endpoints`: what a client needs to know of this cloud from its ARM URL alone (`az cloud register
 * --endpoint-resource-manager URL`). api-version 2015-01-01 answers in the legacy shape msrestazure reads; newer ones in
 * ARM's current shape (name, authentication, suffixes, …).
 */
export function cloudMetadata(req: Req): Reply {
  const v = queryParam(req, 'api-version');
  if (!v) return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  const origin = req.origin;
  const audiences = ['https://management.core.windows.net/', 'https://management.azure.com/'];
  if (v === '2015-01-01') {
    return json(200, {
      galleryEndpoint: `${origin}/`,
      graphEndpoint: 'https://graph.windows.net/',
      portalEndpoint: `${origin}/`,
      authentication: { loginEndpoint: `${origin}/`, audiences },
    });
  }
  if (!['2018-01-01', '2019-05-01', '2020-06-01', '2022-09-01'].includes(v)) {
    return armError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${v}' is invalid. The supported versions are '2015-01-01,2018-01-01,2019-05-01,2020-06-01,2022-09-01'.`,
    );
  }
  const cloud = {
    portal: `${origin}/`,
    authentication: { loginEndpoint: `${origin}/`, audiences, tenant: 'common', identityProvider: 'AAD' },
    media: 'https://rest.media.azure.net',
    graphAudience: 'https://graph.windows.net/',
    graph: 'https://graph.windows.net/',
    name: 'LockstepLocal',
    suffixes: {
      azureDataLakeStoreFileSystem: 'azuredatalakestore.net',
      acrLoginServer: 'azurecr.io',
      sqlServerHostname: 'database.windows.net',
      azureDataLakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
      keyVaultDns: 'vault.azure.net',
      storage: 'core.windows.net',
      azureFrontDoorEndpointSuffix: 'azurefd.net',
      storageSyncEndpointSuffix: 'afs.azure.net',
      mhsmDns: 'managedhsm.azure.net',
      mysqlServerEndpoint: 'mysql.database.azure.com',
      postgresqlServerEndpoint: 'postgres.database.azure.com',
      mariadbServerEndpoint: 'mariadb.database.azure.com',
      synapseAnalytics: 'dev.azuresynapse.net',
      attestationEndpoint: 'attest.azure.net',
    },
    batch: 'https://batch.core.windows.net/',
    resourceManager: `${origin}/`,
    vmImageAliasDoc: `${origin}/metadata/vm-image-aliases`,
    activeDirectoryDataLake: 'https://datalake.azure.net/',
    sqlManagement: 'https://management.core.windows.net:8443/',
    microsoftGraphResourceId: 'https://graph.microsoft.com/',
    appInsightsResourceId: 'https://api.applicationinsights.io',
    appInsightsTelemetryChannelResourceId: 'https://dc.applicationinsights.azure.com/v2/track',
    attestationResourceId: 'https://attest.azure.net',
    synapseAnalyticsResourceId: 'https://dev.azuresynapse.net',
    logAnalyticsResourceId: 'https://api.loganalytics.io',
    ossrDbmsResourceId: 'https://ossrdbms-aad.database.windows.net',
  };
  return json(200, v === '2019-05-01' || v === '2018-01-01' ? [cloud] : cloud);
}

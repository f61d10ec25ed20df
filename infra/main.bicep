// MentorNudge on Azure: a Flex Consumption Function App running as one user-assigned identity,
// Storage (queues + tables, no shared keys), ACS email, Key Vault, Application Insights, and the
// Event Grid hookup for email delivery reports. Deployed with `azd up` (see docs/deploy.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for all regional resources (must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user or pipeline principal, granted data access for local runs; empty grants nothing.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Resource group name; empty derives rg-<environmentName>.')
param resourceGroupName string = ''

@description('Custom sender domain for email (raises the ACS quotas once verified in DNS); empty uses the Azure-managed domain.')
param customEmailDomain string = ''

@description('Whether customEmailDomain has passed DNS verification. Until then the domain is created (so its DNS records can be read) but the app keeps sending from the Azure-managed domain.')
param customEmailDomainVerified bool = false

@description('Where ACS stores email data at rest.')
param emailDataLocation string = 'United States'

@description('Public base URL placed in email links; empty uses the Function App\'s default host name.')
param publicBaseUrl string = ''

@description('Create the Event Grid subscription for ACS delivery reports. Turn on after the first `azd deploy`: Event Grid validates the webhook when the subscription is created.')
param deliveryReportsEnabled bool = false

@description('Admin key (header X-Admin-Key), stored in Key Vault. The default is a fresh random value; azd keeps the existing one (see main.parameters.json).')
@secure()
param adminKey string = newGuid()

@description('Key that signs one-click action tokens, stored in Key Vault. The default is a fresh random value; azd keeps the existing one.')
@secure()
param actionSigningKey string = newGuid()

@description('Key the ACS delivery-report hook requires (header X-MentorNudge-Key, sent by the Event Grid subscription), stored in Key Vault. The default is a fresh random value; azd keeps the existing one.')
@secure()
param eventGridKey string = newGuid()

@description('Domain that receives BCC capture mail (capture addresses are log+<id>@ this domain; docs/capture.md). Empty turns BCC capture off.')
param captureInboundDomain string = ''

@description('Secret the inbound mail relay signs capture-hook requests with, stored in Key Vault. The default is a fresh random value; azd keeps the existing one.')
@secure()
param captureHookSecret string = newGuid()

@description('Memory of one Function App instance in MB.')
param instanceMemoryMB int = 2048

@description('Maximum number of Function App instances.')
param maximumInstanceCount int = 40

@description('Tables created with the storage account; the names the app uses (Storage:TablePrefix "mn" plus its own log tables and the email pacer).')
param tableNames array = [
  'mndata'
  'mntokens'
  'mndueindex'
  'mncheckpoints'
  'mndeliveries'
  'mnwebhookevents'
  'mnwebhookdeliveries'
  'emailpacing'
]

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  app: 'mentornudge'
}
var functionAppName = '${abbrs.webSitesFunctions}mentornudge-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
// Names are fixed here (not read back from module outputs) so What-If can predict every resource.
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}mentornudge-${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  communication: '${abbrs.communicationCommunicationServices}${resourceToken}'
  emailService: '${abbrs.communicationEmailServices}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  systemTopic: '${abbrs.eventGridSystemTopics}acs-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? '${abbrs.resourcesResourceGroups}${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    tableNames: tableNames
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    adminKey: adminKey
    actionSigningKey: actionSigningKey
    eventGridKey: eventGridKey
    captureHookSecret: captureHookSecret
  }
}

module communication 'app/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    communicationServiceName: names.communication
    emailServiceName: names.emailService
    dataLocation: emailDataLocation
    customEmailDomain: customEmailDomain
    customEmailDomainVerified: customEmailDomainVerified
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    communicationServiceName: names.communication
    keyVaultName: names.keyVault
    // The principal id exists only once the identity is created; What-If cannot know it.
    #disable-next-line what-if-short-circuiting
    managedIdentityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  // Assignments need their target resources to exist first.
  dependsOn: [
    storage
    monitoring
    keyVault
    communication
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    acsEndpoint: communication.outputs.endpoint
    senderAddress: communication.outputs.senderAddress
    adminKeySecretUri: keyVault.outputs.adminKeySecretUri
    actionSigningKeySecretUri: keyVault.outputs.actionSigningKeySecretUri
    eventGridKeySecretUri: keyVault.outputs.eventGridKeySecretUri
    captureHookSecretUri: keyVault.outputs.captureHookSecretUri
    captureInboundDomain: captureInboundDomain
    publicBaseUrl: publicBaseUrl
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // The app starts reading storage and Key Vault as soon as it exists.
  dependsOn: [
    storage
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = if (deliveryReportsEnabled) {
  name: 'eventgrid'
  scope: rg
  params: {
    name: names.systemTopic
    communicationServiceName: names.communication
    endpointUrl: '${api.outputs.uri}/api/v1/hooks/acs'
    eventGridKey: eventGridKey
    tags: tags
  }
}

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding every resource.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the Function App.')
output AZURE_FUNCTION_APP_NAME string = api.outputs.name

@description('Name of the Function App, as azd names the service "api".')
output SERVICE_API_NAME string = api.outputs.name

@description('HTTPS endpoint of the Function App.')
output SERVICE_API_URI string = api.outputs.uri

@description('Public base URL used in email links.')
output APP_PUBLIC_BASE_URL string = api.outputs.publicBaseUrl

@description('Client id of the app identity (not AZURE_CLIENT_ID, which azd and CI use for the deploying principal).')
output MENTORNUDGE_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Storage account of the app and the Functions host.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Table service endpoint.')
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

@description('Queue service endpoint.')
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint

@description('Key Vault name (also read by main.parameters.json to keep existing secrets).')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Key Vault URI.')
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri

@description('ACS endpoint for email.')
output AZURE_ACS_ENDPOINT string = communication.outputs.endpoint

@description('Sender address of the linked email domain.')
output AZURE_ACS_SENDER_ADDRESS string = communication.outputs.senderAddress

@description('Application Insights connection string (not a secret: ingestion requires Entra ID).')
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString

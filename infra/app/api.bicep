// The Function App on the Flex Consumption plan. It runs as a user-assigned identity and reaches
// storage, Application Insights, ACS and Key Vault with Entra ID only: no keys, no connection
// strings with secrets.

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app (the app also gets azd-service-name).')
param tags object = {}

@description('azd service name from azure.yaml; azd finds the app to deploy by this tag.')
param serviceName string = 'api'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account for the host and the app.')
param storageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('ACS endpoint, e.g. https://<name>.<geo>.communication.azure.com.')
param acsEndpoint string

@description('Sender address for ACS email.')
param senderAddress string

@description('Versionless Key Vault secret URI of the admin key.')
param adminKeySecretUri string

@description('Versionless Key Vault secret URI of the action signing key.')
param actionSigningKeySecretUri string

@description('Versionless Key Vault secret URI of the key the ACS delivery-report hook requires.')
param eventGridKeySecretUri string

@description('Versionless Key Vault secret URI of the secret that signs capture-hook requests.')
param captureHookSecretUri string

@description('Domain that receives BCC capture mail; empty turns capture off.')
param captureInboundDomain string = ''

@description('Public base URL used in links inside emails; empty means https://<default host name>.')
param publicBaseUrl string = ''

@description('Function runtime stack.')
param runtimeName string = 'dotnet-isolated'

@description('Function runtime version.')
param runtimeVersion string = '10.0'

@description('Memory of one instance in MB (Flex Consumption: 512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

// Publishing with basic credentials (FTP, Kudu user/password) is off; azd deploys with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

var baseUrl = empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl

// Settings live in their own resource so they can use the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Functions host storage, identity-based (no AzureWebJobsStorage connection string).
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // The app's own storage clients (DefaultAzureCredential picks the identity by AZURE_CLIENT_ID).
    AZURE_CLIENT_ID: identityClientId
    Storage__AccountName: storage.name
    Storage__TableServiceUri: storage.properties.primaryEndpoints.table
    Storage__QueueServiceUri: storage.properties.primaryEndpoints.queue
    // Telemetry with Entra ID ingestion.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // Email through ACS with the identity.
    Email__Provider: 'acs'
    Email__Acs__Endpoint: acsEndpoint
    Email__Acs__SenderAddress: senderAddress
    App__PublicBaseUrl: baseUrl
    // Secrets stay in Key Vault; the platform resolves them with keyVaultReferenceIdentity.
    MentorNudge__Api__AdminKey: '@Microsoft.KeyVault(SecretUri=${adminKeySecretUri})'
    Security__ActionSigningKey: '@Microsoft.KeyVault(SecretUri=${actionSigningKeySecretUri})'
    MentorNudge__Api__EventGridKey: '@Microsoft.KeyVault(SecretUri=${eventGridKeySecretUri})'
    // BCC capture (docs/capture.md): off while the domain is empty.
    MentorNudge__Capture__InboundDomain: captureInboundDomain
    MentorNudge__Capture__HookSecret: '@Microsoft.KeyVault(SecretUri=${captureHookSecretUri})'
  }
  dependsOn: [
    ftpCredentials
    scmCredentials
  ]
}

@description('Name of the Function App.')
output name string = site.name

@description('Default host name of the Function App.')
output defaultHostName string = site.properties.defaultHostName

@description('HTTPS base URI of the Function App.')
output uri string = 'https://${site.properties.defaultHostName}'

@description('Public base URL the app puts in email links.')
output publicBaseUrl string = baseUrl

// The one identity the Function App uses for everything: storage, deployment package,
// Application Insights ingestion, ACS email, Key Vault references.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output resourceId string = identity.id

@description('Client id (application id) of the identity; the app passes it as AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId

@description('Object id of the identity, used for role assignments.')
output principalId string = identity.properties.principalId

@description('Name of the identity.')
output name string = identity.name

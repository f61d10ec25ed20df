// Key Vault in RBAC mode holding the four secrets the app reads through Key Vault references.
// Soft delete and purge protection keep an accidental delete recoverable.

@description('Name of the Key Vault (3-24 characters).')
param name string

@description('Azure region of the Key Vault.')
param location string

@description('Tags applied to the Key Vault.')
param tags object = {}

@description('Value of the admin key (header X-Admin-Key).')
@secure()
param adminKey string

@description('Value of the key that signs one-click action tokens in emails.')
@secure()
param actionSigningKey string

@description('Value of the key the ACS delivery-report hook requires.')
@secure()
param eventGridKey string

@description('Value of the secret that signs capture-hook requests from the inbound mail relay.')
@secure()
param captureHookSecret string

@description('Name of the secret holding the admin key.')
param adminKeySecretName string = 'admin-key'

@description('Name of the secret holding the action signing key.')
param actionSigningKeySecretName string = 'action-signing-key'

@description('Name of the secret holding the ACS delivery-report hook key.')
param eventGridKeySecretName string = 'event-grid-key'

@description('Name of the secret holding the capture-hook signing secret.')
param captureHookSecretName string = 'capture-hook-secret'

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: adminKeySecretName
  properties: {
    value: adminKey
    contentType: 'text/plain'
  }
}

resource actionSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: actionSigningKeySecretName
  properties: {
    value: actionSigningKey
    contentType: 'text/plain'
  }
}

resource eventGridKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: eventGridKeySecretName
  properties: {
    value: eventGridKey
    contentType: 'text/plain'
  }
}

resource captureHookSecretResource 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: captureHookSecretName
  properties: {
    value: captureHookSecret
    contentType: 'text/plain'
  }
}

@description('Name of the Key Vault.')
output name string = vault.name

@description('Vault URI, e.g. https://<name>.vault.azure.net/.')
output uri string = vault.properties.vaultUri

@description('Versionless URI of the admin key secret, so a rotation is picked up without redeploying.')
output adminKeySecretUri string = adminKeySecret.properties.secretUri

@description('Versionless URI of the action signing key secret.')
output actionSigningKeySecretUri string = actionSigningKeySecret.properties.secretUri

@description('Versionless URI of the ACS delivery-report hook key secret.')
output eventGridKeySecretUri string = eventGridKeySecret.properties.secretUri

@description('Versionless URI of the capture-hook signing secret.')
output captureHookSecretUri string = captureHookSecretResource.properties.secretUri

// Azure Communication Services email: an Email Communication Service with an Azure-managed
// domain (works at once, low quotas) and, when a custom domain is given, that domain too.
// The ACS resource links the domain the app sends from.

@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Name of the Email Communication Service resource.')
param emailServiceName string

@description('Where ACS stores data at rest (e.g. United States, Europe, UK).')
param dataLocation string

@description('Custom sender domain (e.g. mail.example.com); empty to send from the Azure-managed domain. The domain must be verified in DNS before mail flows.')
param customEmailDomain string = ''

@description('Whether customEmailDomain is verified in DNS. The custom domain is linked (and used as sender) only then; until then the Azure-managed domain sends.')
param customEmailDomainVerified bool = false

@description('Local part of the sender address.')
param senderUsername string = 'donotreply'

@description('Display name shown as the sender.')
param senderDisplayName string = 'MentorNudge'

@description('Tags applied to the ACS resources.')
param tags object = {}

var useCustomDomain = !empty(customEmailDomain)
// Linking an unverified domain makes every send fail; keep the managed domain until verified.
var sendFromCustomDomain = useCustomDomain && customEmailDomainVerified

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource managedSender 'Microsoft.Communication/emailServices/domains/senderUsernames@2025-09-01' = {
  parent: managedDomain
  name: senderUsername
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

resource customDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = if (useCustomDomain) {
  parent: emailService
  name: useCustomDomain ? customEmailDomain : 'unused'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource customSender 'Microsoft.Communication/emailServices/domains/senderUsernames@2025-09-01' = if (useCustomDomain) {
  parent: customDomain
  name: senderUsername
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      sendFromCustomDomain ? customDomain.id : managedDomain.id
    ]
  }
  dependsOn: [
    managedSender
    customSender
  ]
}

@description('Name of the Communication Services resource.')
output name string = communication.name

@description('Resource id of the Communication Services resource.')
output resourceId string = communication.id

@description('Endpoint the app sends email through.')
output endpoint string = 'https://${communication.properties.hostName}'

@description('Sender address (MailFrom) of the linked domain.')
output senderAddress string = '${senderUsername}@${sendFromCustomDomain ? customEmailDomain : managedDomain.properties.mailFromSenderDomain}'

@description('Whether the app sends from the custom domain (given and verified).')
output sendsFromCustomDomain bool = sendFromCustomDomain

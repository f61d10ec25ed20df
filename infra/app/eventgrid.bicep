// ACS email delivery reports → the app's webhook. Event Grid validates a webhook endpoint when
// the subscription is created, so this runs only once the app code answering the handshake is
// deployed (see docs/deploy.md: the second `azd provision`).

@description('Name of the Event Grid system topic.')
param name string

@description('Name of the Communication Services resource the topic listens to.')
param communicationServiceName string

@description('Tags applied to the system topic.')
param tags object = {}

@description('HTTPS endpoint receiving the events, e.g. https://<app>/api/v1/hooks/acs.')
@secure()
param endpointUrl string

@description('Key the hook requires; sent as the secret delivery-property header X-MentorNudge-Key.')
@secure()
param eventGridKey string

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' existing = {
  name: communicationServiceName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    source: communication.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

resource deliveryReports 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'email-delivery-reports'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: endpointUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
        // The hook refuses every request without this header.
        deliveryAttributeMappings: [
          {
            name: 'X-MentorNudge-Key'
            type: 'Static'
            properties: {
              value: eventGridKey
              isSecret: true
            }
          }
        ]
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Communication.EmailDeliveryReportReceived'
      ]
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('Name of the system topic.')
output name string = topic.name

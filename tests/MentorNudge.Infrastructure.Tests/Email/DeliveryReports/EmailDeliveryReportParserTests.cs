using System.Text;
using MentorNudge.Infrastructure.Email.DeliveryReports;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Email.DeliveryReports;

public sealed class EmailDeliveryReportParserTests
{
    private static EventGridEmailEvents Parse(string json) => EmailDeliveryReportParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_DeliveryReportArray_ReadsEveryField()
    {
        var events = Parse("""
            [{
              "id": "ev-1",
              "topic": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Communication/CommunicationServices/z",
              "subject": "sender/DoNotReply@example.com/message/8540c0de-899f-5cce-acb5-3ec493af3800",
              "eventType": "Microsoft.Communication.EmailDeliveryReportReceived",
              "data": {
                "sender": "DoNotReply@example.com",
                "recipient": "ada@example.com",
                "messageId": "8540c0de-899f-5cce-acb5-3ec493af3800",
                "status": "Bounced",
                "deliveryStatusDetails": { "statusMessage": "Mailbox full" },
                "deliveryAttemptTimeStamp": "2026-11-26T09:00:05.123Z"
              },
              "dataVersion": "1.0",
              "eventTime": "2026-11-26T09:00:06Z"
            }]
            """);

        Assert.Null(events.ValidationCode);
        var report = Assert.Single(events.Reports);
        Assert.Equal("ev-1", report.EventId);
        Assert.Equal("8540c0de-899f-5cce-acb5-3ec493af3800", report.OperationId);
        Assert.Equal("DoNotReply@example.com", report.Sender);
        Assert.Equal("ada@example.com", report.Recipient);
        Assert.Equal(EmailDeliveryStatus.Bounced, report.Status);
        Assert.Equal("Mailbox full", report.StatusMessage);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 9, 0, 5) + Duration.FromMilliseconds(123), report.AttemptedAt);
        Assert.True(report.IsAddressUndeliverable);
    }

    [Fact]
    public void Parse_PropertyNamesInOtherCase_AreRead()
    {
        var events = Parse("""
            [{"ID":"e","EventType":"microsoft.communication.emaildeliveryreportreceived",
              "Data":{"MessageId":"op-1","Status":"delivered","Recipient":"a@b.c"}}]
            """);

        var report = Assert.Single(events.Reports);
        Assert.Equal("op-1", report.OperationId);
        Assert.Equal(EmailDeliveryStatus.Delivered, report.Status);
        Assert.False(report.IsAddressUndeliverable);
    }

    [Fact]
    public void Parse_SubscriptionValidation_ReturnsCode()
    {
        var events = Parse("""
            [{"id":"v","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
              "data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://example.invalid/x"}}]
            """);

        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", events.ValidationCode);
        Assert.Empty(events.Reports);
    }

    [Theory]
    [InlineData("Delivered", EmailDeliveryStatus.Delivered, false)]
    [InlineData("Expanded", EmailDeliveryStatus.Expanded, false)]
    [InlineData("Bounced", EmailDeliveryStatus.Bounced, true)]
    [InlineData("Suppressed", EmailDeliveryStatus.Suppressed, true)]
    [InlineData("Failed", EmailDeliveryStatus.Failed, true)]
    [InlineData("FilteredSpam", EmailDeliveryStatus.FilteredSpam, false)]
    [InlineData("Quarantined", EmailDeliveryStatus.Quarantined, false)]
    [InlineData("SomethingNew", EmailDeliveryStatus.Unknown, false)]
    [InlineData("3", EmailDeliveryStatus.Unknown, false)]
    public void Parse_EachStatus_MapsAndSaysWhetherUndeliverable(string status, EmailDeliveryStatus expected, bool undeliverable)
    {
        var events = Parse($$$"""[{"eventType":"Microsoft.Communication.EmailDeliveryReportReceived","data":{"messageId":"m","status":"{{{status}}}"}}]""");

        var report = Assert.Single(events.Reports);
        Assert.Equal(expected, report.Status);
        Assert.Equal(status, report.RawStatus);
        Assert.Equal(undeliverable, report.IsAddressUndeliverable);
    }

    [Fact]
    public void Parse_OtherEventTypesAndReportsWithoutMessageId_AreCountedAsIgnored()
    {
        var events = Parse("""
            [{"eventType":"Microsoft.Communication.EmailEngagementTrackingReportReceived","data":{}},
             {"eventType":"Microsoft.Communication.EmailDeliveryReportReceived","data":{"status":"Delivered"}}]
            """);

        Assert.Empty(events.Reports);
        Assert.Equal(2, events.IgnoredEvents);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    public void Parse_NotEventGrid_ThrowsFormatException(string body)
    {
        Assert.Throws<FormatException>(() => Parse(body));
    }
}

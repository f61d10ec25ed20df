using NodaTime;

namespace MentorNudge.Infrastructure.Email.DeliveryReports;

/// <summary>One <c>Microsoft.Communication.EmailDeliveryReportReceived</c> event.</summary>
/// <param name="EventId">The Event Grid event id (for de-duplication).</param>
/// <param name="OperationId">ACS <c>messageId</c>: the Operation-Id of the send, i.e. the sender's provider message id.</param>
/// <param name="Sender">Sender address.</param>
/// <param name="Recipient">Recipient address.</param>
/// <param name="Status">Delivery status.</param>
/// <param name="RawStatus">The status as the service spelled it.</param>
/// <param name="StatusMessage">deliveryStatusDetails.statusMessage, if any.</param>
/// <param name="AttemptedAt">deliveryAttemptTimeStamp, if present and parseable.</param>
public sealed record EmailDeliveryReport(
    string? EventId,
    string OperationId,
    string? Sender,
    string? Recipient,
    EmailDeliveryStatus Status,
    string RawStatus,
    string? StatusMessage,
    Instant? AttemptedAt)
{
    /// <summary>True when the address cannot receive mail (Bounced, Suppressed, Failed): stop emailing it.</summary>
    public bool IsAddressUndeliverable => Status is EmailDeliveryStatus.Bounced or EmailDeliveryStatus.Suppressed or EmailDeliveryStatus.Failed;
}

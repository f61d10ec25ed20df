using MentorNudge.Infrastructure.Email.DeliveryReports;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Infrastructure.UseCases;

/// <summary>
/// Email delivery reports: the provider says what became of a message MentorNudge sent. Bounced,
/// Suppressed and Failed mark the user's address undeliverable (email nudges stop until it changes).
/// </summary>
public sealed class DeliveryReports(UserPartitionEditor partitions, DeliveryMap deliveries, ILogger<DeliveryReports> logger)
{
    private static readonly HashSet<string> UndeliverableStatuses = new(StringComparer.OrdinalIgnoreCase) { "Bounced", "Suppressed", "Failed" };

    /// <summary>Applies a parsed ACS delivery report (its operation id is the sender's provider message id). False when the message is unknown.</summary>
    public Task<bool> RecordAsync(EmailDeliveryReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = report.Status == EmailDeliveryStatus.Unknown ? report.RawStatus : report.Status.ToString();
        return RecordAsync(report.OperationId, report.Recipient, status, cancellationToken);
    }

    /// <summary>
    /// Applies a delivery status to the message <paramref name="messageKey"/> (the provider message id,
    /// or the message key when the provider returned none). False when the message is not one
    /// MentorNudge sent to <paramref name="recipient"/>: a report about another address changes nothing.
    /// </summary>
    public async Task<bool> RecordAsync(string messageKey, string? recipient, string status, CancellationToken cancellationToken = default)
    {
        var found = await deliveries.FindAsync(messageKey, recipient, cancellationToken).ConfigureAwait(false);
        if (found is not { } target)
        {
            return false;
        }

        var undeliverable = UndeliverableStatuses.Contains(status);
        try
        {
            await partitions.ChangeAsync(target.UserId, p =>
            {
                var writes = new List<PendingWrite>();
                if (p.Nudges.TryGetValue(target.NudgeId, out var n))
                {
                    var updated = n with { Nudge = n.Nudge with { DeliveryStatus = status } };
                    writes.Add(new(NudgeChanges.Replace(updated), etag => p.Nudges[updated.Id] = updated with { ETag = etag }));
                }

                if (undeliverable && !p.User!.Value.EmailUndeliverable)
                {
                    writes.Add(UserPartitionEditor.ReplaceUser(p, p.User.Value with { EmailUndeliverable = true }));
                }

                return (writes, true);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (undeliverable)
        {
            logger.LogWarning("Address of user {UserId} is undeliverable ({Status})", target.UserId, status);
        }

        return true;
    }
}

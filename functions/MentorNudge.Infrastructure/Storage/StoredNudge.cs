using Azure;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// A nudge as stored: the domain record plus what the pipeline needs to move it forward safely
/// (the ETag of the row, the send lease, where its current due-index row is).
/// </summary>
/// <param name="Nudge">The domain nudge (the source of truth for status and due instant).</param>
/// <param name="ETag">ETag of the row when it was read; every state change is If-Match on it.</param>
/// <param name="LeaseUntil">Set while one worker is sending: others keep off until it passes.</param>
/// <param name="Attempts">How many sends were started.</param>
/// <param name="IndexPartition">Partition of the due-index row written for the current due instant.</param>
/// <param name="IndexRow">Row key of that index row.</param>
/// <param name="ProviderMessageId">The email service's id of the sent message.</param>
/// <param name="Sender">Which sender sent it (<c>acs</c>, <c>smtp</c>, <c>outbox</c>).</param>
public sealed record StoredNudge(
    Nudge Nudge,
    ETag ETag,
    Instant? LeaseUntil = null,
    int Attempts = 0,
    string? IndexPartition = null,
    string? IndexRow = null,
    string? ProviderMessageId = null,
    string? Sender = null)
{
    public string Id => Nudge.Id;

    /// <summary>True while another worker holds the send lease.</summary>
    public bool IsLeased(Instant now) => LeaseUntil is { } until && until > now;
}

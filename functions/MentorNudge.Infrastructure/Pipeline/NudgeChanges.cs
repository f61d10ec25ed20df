using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Builds the If-Match row changes of nudge state transitions.</summary>
internal static class NudgeChanges
{
    /// <summary>Scheduled → Cancelled with a reason (If-Match on the row read).</summary>
    public static TableTransactionAction Cancel(StoredNudge stored, string reason) =>
        Replace(stored with { Nudge = stored.Nudge with { Status = NudgeStatus.Cancelled, Reason = reason }, LeaseUntil = null });

    public static TableTransactionAction Replace(StoredNudge stored) =>
        new(TableTransactionActionType.UpdateReplace, EntityMapper.FromNudge(stored), stored.ETag);

    public static TableTransactionAction Insert(StoredNudge stored) =>
        new(TableTransactionActionType.Add, EntityMapper.FromNudge(stored));

    /// <summary>Cancellations of every Scheduled follow-up of the given asks (a reply or an interaction).</summary>
    public static List<(StoredNudge Nudge, TableTransactionAction Action)> CancelFollowUps(UserPartition partition, IReadOnlySet<string> askIds, string reason) =>
        partition.Nudges.Values
            .Where(n => n.Nudge.Status == NudgeStatus.Scheduled && n.Nudge.Kind == NudgeKind.FollowUp && n.Nudge.AskId is { } a && askIds.Contains(a))
            .Select(n => (n, Cancel(n, reason)))
            .ToList();

    /// <summary>Cancellations of every Scheduled nudge about a person.</summary>
    public static List<TableTransactionAction> CancelForPerson(UserPartition partition, string personId, string reason) =>
        partition.Nudges.Values
            .Where(n => n.Nudge.Status == NudgeStatus.Scheduled && n.Nudge.PersonId == personId)
            .Select(n => Cancel(n, reason))
            .ToList();

    /// <summary>Where the due index should pick a nudge up: its due instant, or now if that has passed.</summary>
    public static Instant PickUpAt(Instant dueAt, Instant now) => dueAt > now ? dueAt : now;

    public static ETag Unconditional => ETag.All;
}

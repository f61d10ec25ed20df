using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.UseCases;

/// <summary>A user's nudges as they see them: what is coming, and what already happened. Reads only.</summary>
public sealed class Schedule(UserPartitionEditor partitions)
{
    /// <summary>Scheduled nudges due in [<paramref name="from"/>, <paramref name="to"/>), in due order.</summary>
    public async Task<IReadOnlyList<ScheduledNudge>> UpcomingAsync(string userId, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        return Upcoming(p, from, to);
    }

    /// <summary>The scheduled nudges of a loaded partition due in [<paramref name="from"/>, <paramref name="to"/>), in due order.</summary>
    internal static IReadOnlyList<ScheduledNudge> Upcoming(UserPartition p, Instant from, Instant to)
    {
        var zone = p.User!.Value.Settings.Zone;
        return p.Nudges.Values
            .Where(n => n.Nudge.Status == NudgeStatus.Scheduled && n.Nudge.DueAt >= from && n.Nudge.DueAt < to)
            .OrderBy(n => n.Nudge.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => ScheduledNudge.From(n, zone))
            .ToList();
    }

    /// <summary>Nudges no longer scheduled (sent, cancelled, skipped, failed), newest first.</summary>
    public async Task<IReadOnlyList<ScheduledNudge>> HistoryAsync(string userId, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        var zone = p.User!.Value.Settings.Zone;
        return p.Nudges.Values
            .Where(n => n.Nudge.Status != NudgeStatus.Scheduled)
            .OrderByDescending(n => n.Nudge.SentAt ?? n.Nudge.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => ScheduledNudge.From(n, zone))
            .ToList();
    }
}

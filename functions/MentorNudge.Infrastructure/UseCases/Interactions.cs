using Azure.Data.Tables;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Inbound;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.UseCases;

/// <summary>
/// What happens between the user and a person after an ask: a reply, something the user did for
/// or with them, or an out-of-office answer. Each is one load and one atomic write of the partition.
/// </summary>
public sealed class Interactions(UserPartitionEditor partitions, IClock clock, UserCaps? caps = null)
{
    /// <summary>When someone who gave no return date is followed up again.</summary>
    public static readonly Duration OutOfOfficeDefault = Duration.FromDays(7);

    /// <summary>
    /// The person answered: every awaiting ask to them sent at or before <paramref name="receivedAt"/>
    /// is answered and its pending follow-ups are cancelled, in one atomic write.
    /// </summary>
    public async Task<ReplyResult> LogReplyAsync(string userId, string personId, Instant? receivedAt = null, CancellationToken cancellationToken = default)
    {
        var at = receivedAt ?? clock.GetCurrentInstant();
        var (result, _) = await partitions.ChangeAsync(userId, p =>
        {
            _ = UserPartitionEditor.FindPerson(p, personId);
            var answered = p.Asks.Values.Where(a => a.Value.PersonId == personId && a.Value.IsAwaiting && a.Value.SentAt <= at).ToList();
            var writes = new List<PendingWrite>();
            foreach (var stored in answered)
            {
                var updated = stored.Value with { AnsweredAt = at };
                writes.Add(new(
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityMapper.FromAsk(updated), stored.ETag),
                    etag => p.Asks[updated.Id] = new StoredEntity<Ask>(updated, etag)));
            }

            var askIds = answered.Select(a => a.Value.Id).ToHashSet(StringComparer.Ordinal);
            var cancels = UserPartitionEditor.CancelNudges(p, n => n.Kind == NudgeKind.FollowUp && n.AskId is { } a && askIds.Contains(a), "answered");
            writes.AddRange(cancels);
            return (writes, new ReplyResult(answered.Select(a => a.Value with { AnsweredAt = at }).ToList(), cancels.Count));
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Logs something the user did with or for the person. Cancels the pending follow-ups of asks
    /// sent before it (they are in touch again) and lets the planner reset keep-in-touch.
    /// </summary>
    public async Task<Interaction> LogAsync(string userId, string personId, InteractionKind kind, Instant? at = null, string? note = null, CancellationToken cancellationToken = default)
    {
        var when = at ?? clock.GetCurrentInstant();
        var id = UserPartitionEditor.NewId("i");
        var (interaction, _) = await partitions.ChangeAsync(userId, p =>
        {
            _ = UserPartitionEditor.FindPerson(p, personId);
            (caps ?? UserCaps.Default).EnsureCanAddInteraction(p, personId);
            var interaction = new Interaction(id, userId, personId, kind, when, note);
            var writes = new List<PendingWrite>
            {
                new(new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromInteraction(interaction)),
                    etag => p.Interactions[interaction.Id] = new StoredEntity<Interaction>(interaction, etag)),
            };
            var askIds = p.Asks.Values.Where(a => a.Value.PersonId == personId && a.Value.SentAt <= when).Select(a => a.Value.Id).ToHashSet(StringComparer.Ordinal);
            writes.AddRange(UserPartitionEditor.CancelNudges(p, n => n.Kind == NudgeKind.FollowUp && n.AskId is { } a && askIds.Contains(a), "interaction"));
            return (writes, interaction);
        }, cancellationToken).ConfigureAwait(false);
        return interaction;
    }

    /// <summary>
    /// The person answered with an out-of-office message: nothing about them until the day after
    /// the return date it names (in the user's zone), or for <see cref="OutOfOfficeDefault"/> when
    /// it names none. Returns that instant.
    /// </summary>
    public async Task<Instant> LogOutOfOfficeAsync(string userId, string personId, string? text, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var (until, _) = await partitions.ChangeAsync(userId, p =>
        {
            var stored = UserPartitionEditor.FindPerson(p, personId);
            var zone = p.User!.Value.Settings.Zone;
            var back = ReturnDateParser.FindReturnDate(text, now.InZone(zone).Date);
            var until = back is { } date ? zone.AtStartOfDay(date.PlusDays(1)).ToInstant() : now + OutOfOfficeDefault;
            var updated = stored.Value with { SnoozedUntil = until };
            return (new List<PendingWrite> { UserPartitionEditor.ReplacePerson(p, stored, updated) }, until);
        }, cancellationToken).ConfigureAwait(false);
        return until;
    }
}

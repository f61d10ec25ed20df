using Azure.Data.Tables;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.UseCases;

/// <summary>
/// Asking someone for something: log an outreach (an ask awaiting an answer), schedule its
/// follow-up reminders and coach its text, all from one load of the user's partition. The API,
/// the hooks and the demo all coach through here, so they give the same feedback.
/// </summary>
public sealed class Outreach(UserPartitionEditor partitions, IClock clock, UserCaps? caps = null)
{
    /// <summary>Logs the outreach, schedules its follow-ups, and coaches its text (null coach when there is no text).</summary>
    public async Task<OutreachResult> LogAsync(string userId, string personId, OutreachDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetCurrentInstant();
        if (draft.SentAt is { } sentAt && sentAt > now + Duration.FromMinutes(5))
        {
            throw ValidationFailedException.For("sentAt", "An outreach cannot be sent in the future.");
        }

        var id = UserPartitionEditor.NewId("a");
        var (ask, partition) = await partitions.ChangeAsync(userId, p =>
        {
            _ = UserPartitionEditor.FindPerson(p, personId);
            (caps ?? UserCaps.Default).EnsureCanAddAsk(p, personId);
            var ask = new Ask(id, userId, personId, draft.SentAt ?? now, Trim(draft.Channel), Trim(draft.Subject), draft.Text);
            var write = new PendingWrite(
                new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromAsk(ask)),
                etag => p.Asks[ask.Id] = new StoredEntity<Ask>(ask, etag));
            return (new List<PendingWrite> { write }, ask);
        }, cancellationToken).ConfigureAwait(false);

        var zone = partition.User!.Value.Settings.Zone;
        var followUps = partition.Nudges.Values
            .Where(n => n.Nudge.AskId == ask.Id && n.Nudge.Kind == NudgeKind.FollowUp)
            .OrderBy(n => n.Nudge.Step)
            .Select(n => ScheduledNudge.From(n, zone))
            .ToList();
        var coach = string.IsNullOrWhiteSpace(draft.Text) ? null : CoachFor(partition, draft.Text, personId);
        return new OutreachResult(ask, followUps, coach);
    }

    /// <summary>
    /// Coach feedback on an ask before it is sent; with a person, their connection and whether value
    /// was already given to them inform it. Without a person: an admired stranger. Writes nothing.
    /// </summary>
    public async Task<CoachFeedback> CoachAsync(string userId, string text, string? personId, CancellationToken cancellationToken = default)
    {
        if (personId is null)
        {
            return AskCoach.Coach(text, Connection.Admired, hasPriorValue: false);
        }

        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        _ = UserPartitionEditor.FindPerson(p, personId);
        return CoachFor(p, text, personId);
    }

    private static CoachFeedback CoachFor(UserPartition p, string text, string personId)
    {
        var person = UserPartitionEditor.FindPerson(p, personId).Value;
        return AskCoach.Coach(text, person.Connection, PriorValue.Has(personId, p.InteractionList));
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

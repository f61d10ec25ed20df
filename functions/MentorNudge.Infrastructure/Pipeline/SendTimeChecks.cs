using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// The send worker's checks just before the claim, each recorded with its reason: the state may
/// have changed since the nudge was planned (a reply, a deleted person, a vacation, a bounce).
/// </summary>
internal static class SendTimeChecks
{
    /// <summary>
    /// Why <paramref name="nudge"/> must not be sent now, or null to send it: <c>Cancel</c> when it
    /// can never be sent (person deleted, ask answered), otherwise it is skipped for this time.
    /// </summary>
    public static (string Reason, bool Cancel)? SkipReason(UserPartition partition, User user, Nudge nudge, Instant now)
    {
        if (nudge.PersonId is { } personId && !partition.People.ContainsKey(personId))
        {
            return ("person-deleted", true);
        }

        if (nudge.Kind == NudgeKind.FollowUp &&
            (nudge.AskId is null || !partition.Asks.TryGetValue(nudge.AskId, out var ask) || !ask.Value.IsAwaiting))
        {
            return ("answered", true);
        }

        if (user.Unsubscribed)
        {
            return ("unsubscribed", false);
        }

        if (user.EmailUndeliverable)
        {
            return ("email-undeliverable", false);
        }

        if (user.Settings.VacationUntil is { } until && LocalToday(user, now) <= until)
        {
            return ("vacation", false);
        }

        if (nudge.PersonId is { } pid && partition.People[pid].Value is var person)
        {
            if (person.Stopped)
            {
                return ("person-stopped", false);
            }

            if (person.SnoozedUntil is { } snoozed && snoozed > now)
            {
                return ("person-snoozed", false);
            }
        }

        if (nudge.Kind == NudgeKind.WeeklyDigest && now - nudge.DueAt > NudgeSender.StaleDigestAge)
        {
            return ("collapsed-overdue", false);
        }

        return null;
    }

    private static LocalDate LocalToday(User user, Instant now) => now.InZone(user.Settings.Zone).Date;
}

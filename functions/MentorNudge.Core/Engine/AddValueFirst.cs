using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Engine;

/// <summary>
/// The "add value first" back-off: once the last follow-up reminder of an ask has gone out
/// (sent, or skipped at its due time) without an answer, the person gets no more asks prompted
/// for <see cref="FollowUpPolicy.AddValueBackOff"/>; the digest prompts adding value instead.
/// </summary>
public static class AddValueFirst
{
    /// <summary>
    /// Until when <paramref name="personId"/> is in back-off, or null when no unanswered ask has
    /// exhausted its reminders. The result may lie in the past (the back-off is over).
    /// </summary>
    public static Instant? Until(PlanningInput input, string personId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.User.Settings;
        var lastStep = settings.FollowUp.MaxFollowUps;
        if (lastStep < 1)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb[settings.TimeZoneId];
        var lastReminders = input.History
            .Where(n => n.Kind == NudgeKind.FollowUp && n.Step == lastStep
                && n.Status is NudgeStatus.Sent or NudgeStatus.Skipped)
            .ToDictionary(n => n.Id, StringComparer.Ordinal);

        Instant? until = null;
        foreach (var ask in input.Asks)
        {
            if (ask.PersonId != personId || !ask.IsAwaiting
                || !lastReminders.TryGetValue(NudgeIds.FollowUp(ask.Id, lastStep), out var reminder))
            {
                continue;
            }

            var start = reminder.SentAt ?? reminder.DueAt;
            var end = ReminderSlots.Resolve(zone, start.InZone(zone).LocalDateTime + FollowUpPolicy.AddValueBackOff);
            if (until is null || end > until)
            {
                until = end;
            }
        }

        return until;
    }

    /// <summary>True while <paramref name="personId"/> is in back-off at <paramref name="now"/>.</summary>
    public static bool IsActive(PlanningInput input, string personId, Instant now) =>
        Until(input, personId) is { } until && now < until;
}

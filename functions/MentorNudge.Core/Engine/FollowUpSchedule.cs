using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Engine;

/// <summary>
/// Where the follow-up policy places the reminders of one ask, before history, snooze,
/// vacation and catch-up are taken into account (the planner applies those).
/// </summary>
public static class FollowUpSchedule
{
    /// <summary>
    /// The local date of step <paramref name="step"/>, counted from <paramref name="previousDate"/>:
    /// the ask's local sent date for step 1, the previous reminder's local date after that.
    /// </summary>
    public static LocalDate StepDate(BusinessCalendar calendar, FollowUpPolicy policy, LocalDate previousDate, int step)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var businessDays = step == 1 ? policy.FirstAfterBusinessDays : policy.ThenAfterBusinessDays;
        return calendar.AddBusinessDays(previousDate, businessDays);
    }

    /// <summary>The due instant of the first reminder of an ask sent at <paramref name="sentAt"/>.</summary>
    public static Instant FirstDue(ReminderSlots slots, FollowUpPolicy policy, Instant sentAt)
    {
        ArgumentNullException.ThrowIfNull(slots);
        return slots.At(StepDate(slots.Calendar, policy, slots.DateOf(sentAt), 1));
    }

    /// <summary>
    /// All reminders of an ask sent at <paramref name="sentAt"/> if none is sent, moved or
    /// answered: step 1 after <see cref="FollowUpPolicy.FirstAfterBusinessDays"/>, each next one
    /// <see cref="FollowUpPolicy.ThenAfterBusinessDays"/> after the previous, up to
    /// <see cref="FollowUpPolicy.MaxFollowUps"/>.
    /// </summary>
    public static IReadOnlyList<FollowUpStep> Compute(ReminderSlots slots, FollowUpPolicy policy, Instant sentAt)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(policy);
        var steps = new List<FollowUpStep>(Math.Max(policy.MaxFollowUps, 0));
        var date = slots.DateOf(sentAt);
        for (var step = 1; step <= policy.MaxFollowUps; step++)
        {
            date = StepDate(slots.Calendar, policy, date, step);
            steps.Add(new FollowUpStep(step, date, slots.At(date)));
        }

        return steps;
    }
}

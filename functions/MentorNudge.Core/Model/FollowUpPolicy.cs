namespace MentorNudge.Core.Model;

/// <summary>
/// When to remind the user to follow up on an unanswered outreach, counted in business days
/// of the user's calendar.
/// </summary>
/// <param name="FirstAfterBusinessDays">Business days after the outreach's local date for the first reminder.</param>
/// <param name="ThenAfterBusinessDays">Business days after the previous reminder's local date for each later one.</param>
/// <param name="MaxFollowUps">How many reminders at most; after the last, the person moves to "add value first".</param>
public sealed record FollowUpPolicy(int FirstAfterBusinessDays = 5, int ThenAfterBusinessDays = 7, int MaxFollowUps = 2)
{
    /// <summary>The defaults of the design: 5 business days, then 7, at most 2.</summary>
    public static FollowUpPolicy Default { get; } = new();

    /// <summary>How long a person stays in "add value first" after the last reminder went unanswered.</summary>
    public static NodaTime.Period AddValueBackOff { get; } = NodaTime.Period.FromWeeks(4);
}

using MentorNudge.Core.Content.Coaching;
using NodaTime;

namespace MentorNudge.Core.Capture;

/// <summary>One outreach logged from a captured email: to whom, whether the person was created for it, the follow-ups now planned and the coach's feedback.</summary>
/// <param name="PersonId">The person the outreach was logged for.</param>
/// <param name="PersonName">Their name.</param>
/// <param name="Address">The recipient address that matched them.</param>
/// <param name="CreatedPerson">True when the person was created from this email.</param>
/// <param name="AskId">The logged outreach.</param>
/// <param name="FollowUps">The follow-up reminders planned for it, in the user's zone.</param>
/// <param name="Coach">Coach feedback on the text, null without text.</param>
public sealed record CapturedOutreach(
    string PersonId,
    string PersonName,
    string Address,
    bool CreatedPerson,
    string AskId,
    IReadOnlyList<ZonedDateTime> FollowUps,
    CoachFeedback? Coach);

using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>An outreach or ask the user sent to a person, which may go unanswered.</summary>
/// <param name="Id">Opaque id, unique within the user.</param>
/// <param name="UserId">Owner.</param>
/// <param name="PersonId">Who it was sent to.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Channel">Free text: email, linkedin, in person, …</param>
/// <param name="Subject">Optional subject line.</param>
/// <param name="Text">Optional text of the ask, for coaching and drafts.</param>
/// <param name="AnsweredAt">When they replied; null while awaiting an answer.</param>
public sealed record Ask(
    string Id,
    string UserId,
    string PersonId,
    Instant SentAt,
    string? Channel,
    string? Subject,
    string? Text,
    Instant? AnsweredAt = null)
{
    /// <summary>True while no reply has been recorded.</summary>
    public bool IsAwaiting => AnsweredAt is null;
}

using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>One outreach logged by the capture hook: the person, whether they were created, the ask and its follow-ups (user's local time with offset).</summary>
public sealed record CapturedOutreachResponse(string PersonId, bool CreatedPerson, string AskId, IReadOnlyList<OffsetDateTime> FollowUps);

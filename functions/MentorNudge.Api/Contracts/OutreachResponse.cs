namespace MentorNudge.Api.Contracts;

/// <summary>Answer of <c>POST /api/v1/people/{id}/outreach</c>: the ask, its scheduled follow-ups and coach feedback on its text.</summary>
public sealed record OutreachResponse(AskResponse Ask, IReadOnlyList<NudgeResponse> FollowUps, CoachResponse? Coach);

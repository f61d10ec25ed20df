namespace MentorNudge.Api.Contracts;

/// <summary>Follow-up policy in requests and answers.</summary>
public sealed record FollowUpRequest(int? FirstAfterBusinessDays, int? ThenAfterBusinessDays, int? MaxFollowUps);

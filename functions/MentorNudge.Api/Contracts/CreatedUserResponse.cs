namespace MentorNudge.Api.Contracts;

/// <summary>Answer of <c>POST /api/v1/admin/users</c>: the token is shown only here.</summary>
public sealed record CreatedUserResponse(string UserId, string Token);

namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/admin/users</c>.</summary>
public sealed record CreateUserRequest(string? Email, string? TimeZone, string? Country, string? DisplayName);

using MentorNudge.Core.Model;

namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/people</c> and <c>PUT /api/v1/people/{id}</c>; <c>name</c> is required.</summary>
public sealed record PersonRequest(
    string? Name,
    List<string>? Emails,
    Connection? Connection,
    PersonRole? Role,
    List<string>? Interests,
    List<string>? Links,
    string? Notes,
    int? KeepInTouchEveryDays);

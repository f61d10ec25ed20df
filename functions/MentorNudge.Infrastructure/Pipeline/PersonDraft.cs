using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>The fields of a person the user can set (add or replace).</summary>
public sealed record PersonDraft(
    string Name,
    IReadOnlyList<string>? Emails = null,
    Connection Connection = Connection.Existing,
    PersonRole Role = PersonRole.Mentor,
    IReadOnlyList<string>? Interests = null,
    IReadOnlyList<string>? Links = null,
    string? Notes = null,
    int? KeepInTouchEveryDays = null);

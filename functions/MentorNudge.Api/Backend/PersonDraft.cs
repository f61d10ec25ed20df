using MentorNudge.Core.Model;

namespace MentorNudge.Api.Backend;

/// <summary>A validated person, ready to store.</summary>
public sealed record PersonDraft(
    string Name,
    IReadOnlyList<string> Emails,
    Connection Connection,
    PersonRole Role,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> Links,
    string? Notes,
    int? KeepInTouchEveryDays);

using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>A person in answers.</summary>
public sealed record PersonResponse(
    string Id,
    string Name,
    IReadOnlyList<string> Emails,
    Connection Connection,
    PersonRole Role,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> Links,
    string? Notes,
    int? KeepInTouchEveryDays,
    Instant CreatedAt,
    Instant? SnoozedUntil,
    bool Stopped)
{
    public static PersonResponse From(Person p) => new(
        p.Id, p.Name, p.Emails, p.Connection, p.Role, p.Interests, p.Links, p.Notes, p.KeepInTouchEveryDays, p.CreatedAt, p.SnoozedUntil, p.Stopped);
}

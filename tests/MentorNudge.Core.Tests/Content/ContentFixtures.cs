using MentorNudge.Core.Content;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Core.Tests.Content;

/// <summary>Builders for content tests: a user in Berlin, people, asks and render contexts.</summary>
internal static class ContentFixtures
{
    public const string UserId = "u1";

    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static readonly Instant Now = Instant.FromUtc(2027, 3, 29, 7, 0);

    public static readonly Uri BaseUrl = new("https://nudge.example.org/");

    public static FakeClock Clock() => new(Now);

    public static ContentOptions Options() => new(BaseUrl, Key);

    public static NudgeEmailComposer Composer() => new(Options(), Clock());

    public static User User(string? displayName = "Ada", string timeZone = "Europe/Berlin", int maxPrompts = 3) =>
        new(UserId, "ada@example.org",
            UserSettings.CreateDefault(timeZone, "DE") with { WeeklyDigest = WeeklyDigestSettings.Default with { MaxPrompts = maxPrompts } },
            Instant.FromUtc(2026, 1, 1, 0, 0), displayName);

    public static Person Person(
        string id,
        string name = "Grace Hopper",
        Connection connection = Connection.Existing,
        PersonRole role = PersonRole.Mentor,
        string[]? links = null,
        string[]? interests = null,
        string? notes = null,
        int? keepInTouch = null,
        Instant? created = null,
        Instant? snoozedUntil = null,
        bool stopped = false) =>
        new(id, UserId, name, [$"{id}@example.org"], connection, role,
            interests ?? ["compilers"], links ?? [$"https://blog.example.org/{id}"], notes, keepInTouch,
            created ?? Instant.FromUtc(2027, 1, 4, 9, 0), snoozedUntil, stopped);

    public static Ask Ask(string id, string personId, string? subject = "Question about COBOL", Instant? sentAt = null, Instant? answeredAt = null) =>
        new(id, UserId, personId, sentAt ?? Instant.FromUtc(2027, 3, 15, 10, 0), "email", subject, "Could I ask one question?", answeredAt);

    public static Nudge FollowUpNudge(string askId, string personId, int step = 1) =>
        new(NudgeIds.FollowUp(askId, step), UserId, NudgeKind.FollowUp, personId, askId, step, Now, NudgeStatus.Scheduled);

    public static Nudge DigestNudge(LocalDate date, NudgeStatus status = NudgeStatus.Scheduled, Instant? dueAt = null)
    {
        var due = dueAt ?? date.At(new LocalTime(8, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).ToInstant();
        return new(NudgeIds.WeeklyDigest(UserId, date), UserId, NudgeKind.WeeklyDigest, null, null, 0, due, status,
            status == NudgeStatus.Sent ? due : null);
    }

    public static Nudge KeepInTouchNudge(string personId) =>
        new(NudgeIds.KeepInTouch(personId, new LocalDate(2027, 3, 29)), UserId, NudgeKind.KeepInTouch, personId, null, 0, Now, NudgeStatus.Scheduled);

    public static NudgeRenderContext Context(
        Nudge nudge,
        IReadOnlyList<Person> people,
        IReadOnlyList<Ask>? asks = null,
        IReadOnlyList<Interaction>? interactions = null,
        IReadOnlyList<Nudge>? history = null,
        IReadOnlyList<PlannedNudge>? upcoming = null,
        User? user = null,
        Instant? now = null) =>
        new(user ?? User(), nudge, people, asks ?? [], interactions ?? [], history ?? [], upcoming ?? [], now ?? nudge.DueAt);
}

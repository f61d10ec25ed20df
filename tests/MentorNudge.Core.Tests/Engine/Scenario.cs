using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Core.Tests.Engine;

/// <summary>Builds planning inputs for one user in a few lines.</summary>
internal sealed class Scenario
{
    public const string UserId = "u1";

    public Scenario(string zone, string country, Instant createdAt)
    {
        Settings = UserSettings.CreateDefault(zone, country);
        CreatedAt = createdAt;
    }

    public UserSettings Settings { get; set; }

    public Instant CreatedAt { get; set; }

    public List<Person> People { get; } = [];

    public List<Ask> Asks { get; } = [];

    public List<Interaction> Interactions { get; } = [];

    public List<Nudge> History { get; } = [];

    public static Instant Utc(int y, int mo, int d, int h = 0, int mi = 0) => Instant.FromUtc(y, mo, d, h, mi);

    public Scenario WithoutDigest()
    {
        Settings = Settings with { WeeklyDigest = Settings.WeeklyDigest with { Enabled = false } };
        return this;
    }

    public Person AddPerson(string id, int? keepInTouchEveryDays = null, Instant? createdAt = null, Instant? snoozedUntil = null, bool stopped = false)
    {
        var person = new Person(id, UserId, "Person " + id, [], Connection.Existing, PersonRole.Mentor, [], [], null,
            keepInTouchEveryDays, createdAt ?? CreatedAt, snoozedUntil, stopped);
        People.Add(person);
        return person;
    }

    public Ask AddAsk(string id, string personId, Instant sentAt, Instant? answeredAt = null)
    {
        if (People.All(p => p.Id != personId))
        {
            AddPerson(personId);
        }

        var ask = new Ask(id, UserId, personId, sentAt, "email", null, null, answeredAt);
        Asks.Add(ask);
        return ask;
    }

    public void AddInteraction(string personId, Instant at) =>
        Interactions.Add(new Interaction("i" + Interactions.Count, UserId, personId, InteractionKind.Comment, at));

    public void AddHistory(string id, NudgeKind kind, Instant dueAt, NudgeStatus status, string? personId = null, string? askId = null, int step = 0, Instant? sentAt = null, string? reason = null) =>
        History.Add(new Nudge(id, UserId, kind, personId, askId, step, dueAt, status, sentAt, Reason: reason));

    public PlanningInput Input() =>
        new(new User(UserId, "user@example.com", Settings, CreatedAt), People, Asks, Interactions, History);

    public IReadOnlyList<PlannedNudge> PlanAt(Instant now) => new NudgePlanner(new FakeClock(now)).Plan(Input());

    public IReadOnlyList<PlannedNudge> FollowUpsAt(Instant now) => [.. PlanAt(now).Where(n => n.Kind == NudgeKind.FollowUp)];
}

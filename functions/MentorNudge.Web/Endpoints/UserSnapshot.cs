using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Content;
using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Web.Endpoints;

/// <summary>
/// What the pages read about a user, from one load of their data (the export of the application
/// service): people, asks, interactions and nudges, with the user's zone and "now". The week's
/// prompts come from the same picker as the weekly digest email, over the same data.
/// </summary>
internal sealed class UserSnapshot(UserExport export, Instant now)
{
    public User User { get; } = export.User;

    public Instant Now { get; } = now;

    public DateTimeZone Zone { get; } = export.User.Settings.Zone;

    public IReadOnlyList<Person> People { get; } = export.People;

    public IReadOnlyList<Ask> Asks { get; } = export.Asks;

    public IReadOnlyList<Interaction> Interactions { get; } = export.Interactions;

    public IReadOnlyList<ScheduledNudge> Nudges { get; } = export.Nudges;

    public static async Task<UserSnapshot> LoadAsync(Users users, string userId, Instant now, CancellationToken ct) =>
        new(await users.ExportAsync(userId, ct), now);

    public Person? Person(string? id) => People.FirstOrDefault(p => p.Id == id);

    public ZonedDateTime Local(Instant at) => at.InZone(Zone);

    /// <summary>The last interaction, ask or reply with a person (or when they were added).</summary>
    public Instant LastContact(Person person)
    {
        var times = Interactions.Where(i => i.PersonId == person.Id).Select(i => i.At)
            .Concat(Asks.Where(a => a.PersonId == person.Id).SelectMany(a => a.AnsweredAt is { } r ? new[] { a.SentAt, r } : [a.SentAt]))
            .Where(t => t <= Now)
            .ToList();
        return times.Count == 0 ? person.CreatedAt : times.Max();
    }

    public int DaysSinceContact(Person person) => (int)Math.Floor((Now - LastContact(person)).TotalDays);

    /// <summary>Warm, cooling or cold: past the person's keep-in-touch cadence is cold; else by 30 and 90 days.</summary>
    public string Warmth(Person person)
    {
        var days = DaysSinceContact(person);
        if (person.KeepInTouchEveryDays is { } every && days > every)
        {
            return "cold";
        }

        return days <= 30 ? "warm" : days <= 90 ? "cooling" : "cold";
    }

    public ScheduledNudge? NextNudge(Person person) =>
        Nudges.Where(n => n.PersonId == person.Id && n.Status == NudgeStatus.Scheduled && n.DueAt >= Now).MinBy(n => n.DueAt);

    public IEnumerable<ScheduledNudge> Upcoming(Instant until) =>
        Nudges.Where(n => n.Status == NudgeStatus.Scheduled && n.DueAt >= Now && n.DueAt < until).OrderBy(n => n.DueAt);

    /// <summary>
    /// This week's digest: the one last sent if it is less than a week old, else the next one
    /// scheduled, else (digests off) one as of now. Its id and due instant seed the picker exactly as
    /// for the email.
    /// </summary>
    public (WeeklyDigest Digest, string WeekKey) ThisWeek()
    {
        var digest = Nudges.Where(n => n.Kind == NudgeKind.WeeklyDigest && n.Status == NudgeStatus.Sent && n.DueAt <= Now && Now - n.DueAt < Duration.FromDays(7)).MaxBy(n => n.DueAt)
            ?? Nudges.Where(n => n.Kind == NudgeKind.WeeklyDigest && n.Status == NudgeStatus.Scheduled && n.DueAt >= Now).MinBy(n => n.DueAt);
        var nudge = digest is null
            ? new Nudge("web-" + WeeklyDigestPicker.WeekKey(Now, Zone), User.Id, NudgeKind.WeeklyDigest, null, null, 0, Now, NudgeStatus.Scheduled)
            : ToNudge(digest);
        var context = new NudgeRenderContext(
            User,
            nudge,
            People,
            Asks,
            Interactions,
            Nudges.Where(n => n.Status != NudgeStatus.Scheduled).Select(ToNudge).ToList(),
            Nudges.Where(n => n.Status == NudgeStatus.Scheduled && n.DueAt > Now)
                .Select(n => new PlannedNudge(n.NudgeId, n.Kind, n.PersonId, n.AskId, n.Step, n.DueAt, n.DueLocal))
                .ToList(),
            Now);
        var picked = WeeklyDigestPicker.Pick(context);
        return (picked, picked.WeekKey);
    }

    private Nudge ToNudge(ScheduledNudge n) =>
        new(n.NudgeId, User.Id, n.Kind, n.PersonId, n.AskId, n.Step, n.DueAt, n.Status, n.SentAt, n.Channel, n.DeliveryStatus, n.Reason);
}

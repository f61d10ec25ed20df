using MentorNudge.Core.Content;
using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Tests.Content.Digest;

public sealed class WeeklyDigestPickerTests
{
    private static readonly LocalDate Week1 = new(2027, 3, 29);

    private static string Describe(WeeklyDigest d) =>
        d.WeekKey + "|" + string.Join(";", d.Prompts.Select(p => $"{p.Person.Id}:{p.Kind}:{p.Link}:{p.Interest}:{p.Suggestion}"))
        + "|" + string.Join(";", d.FollowUpsDue.Select(f => f.Person.Id + f.DueLocal))
        + "|" + string.Join(";", d.LosingTouch.Select(l => l.Person.Id + l.DaysSinceLastContact));

    private static List<Person> SixPeers() =>
        Enumerable.Range(1, 6).Select(i => ContentFixtures.Person($"p{i}", name: $"Person {i}", role: PersonRole.Peer)).ToList();

    private static WeeklyDigest Pick(LocalDate week, IReadOnlyList<Person> people, IReadOnlyList<Nudge>? history = null,
        IReadOnlyList<Interaction>? interactions = null, IReadOnlyList<Ask>? asks = null, int maxPrompts = 3,
        IReadOnlyList<PlannedNudge>? upcoming = null) =>
        WeeklyDigestPicker.Pick(ContentFixtures.Context(
            ContentFixtures.DigestNudge(week), people, asks, interactions, history, upcoming, ContentFixtures.User(maxPrompts: maxPrompts)));

    [Fact]
    public void Pick_SameInputTwice_SameDigest()
    {
        var people = SixPeers();
        Assert.Equal(Describe(Pick(Week1, people)), Describe(Pick(Week1, people.ToList())));
        Assert.Equal(3, Pick(Week1, people).Prompts.Count);
    }

    [Fact]
    public void Pick_InputOrderShuffled_SameDigest()
    {
        var people = SixPeers();
        Assert.Equal(Describe(Pick(Week1, people)), Describe(Pick(Week1, people.AsEnumerable().Reverse().ToList())));
    }

    [Fact]
    public void Pick_NextWeekAfterSentDigest_RotatesToOthers()
    {
        var people = SixPeers();
        var first = Pick(Week1, people).Prompts.Select(p => p.Person.Id).ToHashSet();
        var history = new[] { ContentFixtures.DigestNudge(Week1, NudgeStatus.Sent) };
        var second = Pick(Week1.PlusWeeks(1), people, history).Prompts.Select(p => p.Person.Id).ToHashSet();
        Assert.Equal(3, second.Count);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void Pick_SevenWeeks_EveryoneGetsATurn()
    {
        var people = SixPeers();
        var history = new List<Nudge>();
        var counts = people.ToDictionary(p => p.Id, _ => 0);
        for (var w = 0; w < 6; w++)
        {
            var week = Week1.PlusWeeks(w);
            foreach (var p in Pick(week, people, history).Prompts)
            {
                counts[p.Person.Id]++;
            }

            history.Add(ContentFixtures.DigestNudge(week, NudgeStatus.Sent));
        }

        Assert.All(counts.Values, c => Assert.Equal(3, c));
    }

    [Fact]
    public void Pick_OnePersonManyWeeks_NeverSameKindTwiceInARow()
    {
        Person[] people = [ContentFixtures.Person("p1", links: [])];
        Interaction[] interactions = [new("i1", ContentFixtures.UserId, "p1", InteractionKind.Meeting, Instant.FromUtc(2027, 2, 1, 9, 0))];
        var history = new List<Nudge>();
        var kinds = new List<AddValuePromptKind>();
        for (var w = 0; w < 12; w++)
        {
            var week = Week1.PlusWeeks(w);
            kinds.Add(Assert.Single(Pick(week, people, history, interactions, maxPrompts: 1).Prompts).Kind);
            history.Add(ContentFixtures.DigestNudge(week, NudgeStatus.Sent));
        }

        for (var i = 1; i < kinds.Count; i++)
        {
            Assert.NotEqual(kinds[i - 1], kinds[i]);
        }

        Assert.True(kinds.Distinct().Count() >= 3, string.Join(",", kinds));
    }

    [Fact]
    public void Pick_EqualNeglect_SponsorsAndMentorsBeforePeers()
    {
        Person[] people =
        [
            ContentFixtures.Person("peer1", role: PersonRole.Peer),
            ContentFixtures.Person("peer2", role: PersonRole.Peer),
            ContentFixtures.Person("sponsor", role: PersonRole.Sponsor),
            ContentFixtures.Person("mentor", role: PersonRole.Mentor),
        ];
        var picked = Pick(Week1, people, maxPrompts: 2).Prompts.Select(p => p.Person.Id).Order().ToArray();
        Assert.Equal(new[] { "mentor", "sponsor" }, picked);
    }

    [Fact]
    public void Pick_RecentlyTouched_ComesLast()
    {
        var people = SixPeers();
        var recent = Instant.FromUtc(2027, 3, 28, 9, 0);
        var interactions = new[] { "p1", "p2", "p3" }.Select(id => new Interaction("i-" + id, ContentFixtures.UserId, id, InteractionKind.Share, recent)).ToList();
        var picked = Pick(Week1, people, interactions: interactions).Prompts.Select(p => p.Person.Id).Order().ToArray();
        Assert.Equal(new[] { "p4", "p5", "p6" }, picked);
    }

    [Fact]
    public void Pick_SnoozedAndStopped_Skipped()
    {
        Person[] people =
        [
            ContentFixtures.Person("snoozed", role: PersonRole.Sponsor, snoozedUntil: ContentFixtures.Now + Duration.FromDays(3)),
            ContentFixtures.Person("stopped", role: PersonRole.Sponsor, stopped: true),
            ContentFixtures.Person("ok", role: PersonRole.Peer),
        ];
        Assert.Equal("ok", Assert.Single(Pick(Week1, people).Prompts).Person.Id);
    }

    [Fact]
    public void Pick_AdmiredPerson_OnlyEngagesWithTheirWork()
    {
        Person[] people = [ContentFixtures.Person("fan", connection: Connection.Admired)];
        var history = new List<Nudge>();
        for (var w = 0; w < 10; w++)
        {
            var week = Week1.PlusWeeks(w);
            var prompt = Assert.Single(Pick(week, people, history).Prompts);
            Assert.Contains(prompt.Kind, new[] { AddValuePromptKind.CommentOnWork, AddValuePromptKind.ShareResource, AddValuePromptKind.CongratulateMilestone, AddValuePromptKind.AmplifyWork });
            if (prompt.Kind is AddValuePromptKind.CommentOnWork or AddValuePromptKind.AmplifyWork)
            {
                Assert.Equal(new Uri("https://blog.example.org/fan"), prompt.Link);
                Assert.Contains("https://blog.example.org/fan", prompt.Suggestion, StringComparison.Ordinal);
            }

            history.Add(ContentFixtures.DigestNudge(week, NudgeStatus.Sent));
        }
    }

    [Fact]
    public void Pick_OpenAsk_AddValueDontReAsk()
    {
        Person[] people = [ContentFixtures.Person("p1")];
        Ask[] asks = [ContentFixtures.Ask("a1", "p1")];
        var prompt = Assert.Single(Pick(Week1, people, asks: asks).Prompts);
        Assert.True(prompt.AddValueOnly);
        Assert.Contains("don't repeat the ask", prompt.Suggestion, StringComparison.Ordinal);
        Assert.NotEqual(AddValuePromptKind.OfferIntroduction, prompt.Kind);
        Assert.NotEqual(AddValuePromptKind.CloseTheLoop, prompt.Kind);
    }

    [Fact]
    public void Pick_FollowUpsDue_OnlyNextSevenDaysInUserZone()
    {
        Person[] people = [ContentFixtures.Person("p1")];
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        PlannedNudge Planned(string ask, Duration after, NudgeKind kind = NudgeKind.FollowUp)
        {
            var due = ContentFixtures.Now + after;
            return new(NudgeIds.FollowUp(ask, 1), kind, "p1", ask, 1, due, due.InZone(zone));
        }

        var digest = Pick(Week1, people, upcoming:
        [
            Planned("soon", Duration.FromDays(1)),
            Planned("later", Duration.FromDays(8)),
            Planned("kit", Duration.FromDays(2), NudgeKind.KeepInTouch),
        ]);
        var due = Assert.Single(digest.FollowUpsDue);
        Assert.Equal((ContentFixtures.Now + Duration.FromDays(1)).InZone(zone), due.DueLocal);
        Assert.Equal(zone, due.DueLocal.Zone);
    }

    [Fact]
    public void Pick_LosingTouch_OnlyPastInterval()
    {
        Person[] people =
        [
            ContentFixtures.Person("fading", keepInTouch: 30, created: Instant.FromUtc(2027, 1, 1, 0, 0)),
            ContentFixtures.Person("fresh", keepInTouch: 30, created: Instant.FromUtc(2027, 1, 1, 0, 0)),
            ContentFixtures.Person("never", keepInTouch: null, created: Instant.FromUtc(2026, 1, 1, 0, 0)),
        ];
        Interaction[] interactions = [new("i1", ContentFixtures.UserId, "fresh", InteractionKind.Message, Instant.FromUtc(2027, 3, 20, 0, 0))];
        var entry = Assert.Single(Pick(Week1, people, interactions: interactions).LosingTouch);
        Assert.Equal("fading", entry.Person.Id);
        Assert.Equal(87, entry.DaysSinceLastContact);
    }

    [Fact]
    public void Pick_DuplicatePersonIds_OnePromptEach()
    {
        Person[] people = [ContentFixtures.Person("p1", keepInTouch: 1), ContentFixtures.Person("p1", keepInTouch: 1)];
        var digest = Pick(Week1, people);
        Assert.Single(digest.Prompts);
        Assert.Single(digest.LosingTouch);
    }

    [Fact]
    public void WeekKey_IsIsoWeekInUserZone() =>
        Assert.Equal("2027-W13", WeeklyDigestPicker.WeekKey(ContentFixtures.Now, DateTimeZoneProviders.Tzdb["Europe/Berlin"]));
}

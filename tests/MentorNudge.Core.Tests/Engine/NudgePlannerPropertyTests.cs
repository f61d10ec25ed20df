using CsCheck;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Core.Tests.Engine;

public sealed class NudgePlannerPropertyTests
{
    private static readonly string[] Zones = [.. DateTimeZoneProviders.Tzdb.Ids];

    private static readonly Gen<string> GenZone = Gen.OneOf(Zones);

    private static readonly Gen<string> GenCountry = Gen.OneOf([.. BusinessCalendar.SupportedCountries]);

    // 1995..2045: wide enough to cross many DST rule changes, still inside the holiday data.
    private static readonly Gen<Instant> GenInstant =
        Gen.Long[Instant.FromUtc(1995, 1, 1, 0, 0).ToUnixTimeSeconds(), Instant.FromUtc(2045, 1, 1, 0, 0).ToUnixTimeSeconds()]
            .Select(Instant.FromUnixTimeSeconds);

    private static readonly Gen<LocalTime> GenTime = Gen.Int[0, 24 * 60 - 1].Select(m => new LocalTime(m / 60, m % 60));

    private static readonly Gen<IsoDayOfWeek> GenDay = Gen.Int[1, 7].Select(d => (IsoDayOfWeek)d);

    private static readonly Gen<IsoDayOfWeek[]> GenWorkDays =
        Gen.Int[1, 127].Select(mask => Enumerable.Range(1, 7).Where(d => (mask & (1 << (d - 1))) != 0).Select(d => (IsoDayOfWeek)d).ToArray());

    private static readonly Gen<FollowUpPolicy> GenPolicy =
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Int[0, 10], (a, b, c) => new FollowUpPolicy(a, b, c));

    private static readonly Gen<UserSettings> GenSettings =
        Gen.Select(GenZone, GenCountry, GenWorkDays, GenTime, GenDay, GenTime, GenPolicy)
            .Select(t => new UserSettings(t.Item1, t.Item2, t.Item3, t.Item4, new WeeklyDigestSettings(t.Item5, t.Item6), t.Item7));

    /// <summary>A user with a few people, asks (some answered), interactions, maybe a vacation and snoozes.</summary>
    private static readonly Gen<(PlanningInput Input, Instant Now)> GenScenario =
        Gen.Select(GenSettings, GenInstant, Gen.Int[0, 4], Gen.Int[0, 6], Gen.Int[-1, 40], Gen.Int[0, 100000])
            .Select(t =>
            {
                var (settings, now, peopleCount, askCount, vacationDays, seed) = t;
                var random = new Random(seed);
                var zone = DateTimeZoneProviders.Tzdb[settings.TimeZoneId];
                var today = now.InZone(zone).Date;
                if (vacationDays >= 0)
                {
                    settings = settings with { VacationUntil = today.PlusDays(vacationDays) };
                }

                Instant Around(int days) => now.Plus(Duration.FromMinutes(random.Next(-days * 1440, days * 1440)));
                var created = now.Minus(Duration.FromDays(200));
                var people = Enumerable.Range(0, peopleCount + 1).Select(i => new Person(
                    "p" + i, "u1", "P" + i, [], Connection.Existing, PersonRole.Peer, [], [], null,
                    random.Next(3) == 0 ? null : random.Next(1, 120), created,
                    random.Next(4) == 0 ? Around(20) : null)).ToList();
                var asks = Enumerable.Range(0, askCount).Select(i => new Ask(
                    "a" + i, "u1", "p" + random.Next(people.Count), Around(60), null, null, null,
                    random.Next(4) == 0 ? Around(10) : null)).ToList();
                var interactions = Enumerable.Range(0, random.Next(3)).Select(i => new Interaction(
                    "i" + i, "u1", "p" + random.Next(people.Count), InteractionKind.Share, Around(90))).ToList();
                var user = new User("u1", "u@example.com", settings, created);
                return (new PlanningInput(user, people, asks, interactions, []), now);
            });

    [Fact]
    public void Plan_DigestsOverManyWeeks_StrictlyIncreasingOnePerLocalWeekOnTheChosenDay()
    {
        Gen.Select(GenSettings, GenInstant).Sample((settings, created) =>
        {
            var zone = DateTimeZoneProviders.Tzdb[settings.TimeZoneId];
            var history = new List<Nudge>();
            var user = new User("u1", "u@example.com", settings, created);
            var clock = new FakeClock(created);
            PlannedNudge? previous = null;
            for (var week = 0; week < 12; week++)
            {
                var input = new PlanningInput(user, [], [], [], history);
                var digest = Assert.Single(new NudgePlanner(clock).Plan(input));
                var date = LocalDate.FromDateTime(DateTime.ParseExact(digest.NudgeId[^8..], "yyyyMMdd", null));
                Assert.Equal(settings.WeeklyDigest.Day, date.DayOfWeek);
                Assert.Equal(ReminderSlots.Resolve(zone, date + settings.WeeklyDigest.Time), digest.DueAt);
                Assert.True(digest.DueAt > created);
                if (previous is not null)
                {
                    Assert.True(digest.DueAt > previous.DueAt);
                    var previousDate = LocalDate.FromDateTime(DateTime.ParseExact(previous.NudgeId[^8..], "yyyyMMdd", null));
                    Assert.Equal(previousDate.PlusWeeks(1), date);
                }

                history.Add(new Nudge(digest.NudgeId, "u1", NudgeKind.WeeklyDigest, null, null, 0, digest.DueAt, NudgeStatus.Sent, digest.DueAt));
                clock.Reset(digest.DueAt.Plus(Duration.FromMinutes(1)));
                previous = digest;
            }
        }, iter: 300);
    }

    [Fact]
    public void Plan_FollowUps_AlwaysOnABusinessDayAtTheReminderTime()
    {
        Gen.Select(GenSettings, GenInstant).Sample((settings, sentAt) =>
        {
            var slots = ReminderSlots.For(settings);
            var user = new User("u1", "u@example.com", settings with { WeeklyDigest = settings.WeeklyDigest with { Enabled = false } }, sentAt);
            var person = new Person("p1", "u1", "P", [], Connection.Existing, PersonRole.Mentor, [], [], null, null, sentAt);
            var input = new PlanningInput(user, [person], [new Ask("a1", "u1", "p1", sentAt, null, null, null)], [], []);
            var plan = new NudgePlanner(new FakeClock(sentAt)).Plan(input);
            Assert.Equal(settings.FollowUp.MaxFollowUps, plan.Count);
            var expected = FollowUpSchedule.Compute(slots, settings.FollowUp, sentAt);
            for (var i = 0; i < plan.Count; i++)
            {
                Assert.Equal(i + 1, plan[i].Step);
                Assert.True(slots.Calendar.IsBusinessDay(expected[i].Date));
                Assert.Equal(slots.At(expected[i].Date), plan[i].DueAt);
                // Exactly the reminder time, unless a gap pushed it forward by the gap.
                var local = plan[i].DueLocal.LocalDateTime;
                Assert.True(local == expected[i].Date + settings.ReminderTime || zone(settings).MapLocal(expected[i].Date + settings.ReminderTime).Count == 0);
            }
        }, iter: 500);

        static DateTimeZone zone(UserSettings s) => DateTimeZoneProviders.Tzdb[s.TimeZoneId];
    }

    [Fact]
    public void Plan_SameInputTwice_SamePlan()
    {
        GenScenario.Sample(s =>
        {
            var first = new NudgePlanner(new FakeClock(s.Now)).Plan(s.Input);
            var second = new NudgePlanner(new FakeClock(s.Now)).Plan(s.Input with { People = [.. s.Input.People.Reverse()], Asks = [.. s.Input.Asks.Reverse()] });
            Assert.Equal(first, second);
        }, iter: 300);
    }

    [Fact]
    public void Plan_AnsweredAsk_HasNoFollowUps()
    {
        GenScenario.Sample(s =>
        {
            var answered = s.Input.Asks.Where(a => !a.IsAwaiting).Select(a => a.Id).ToHashSet();
            var plan = new NudgePlanner(new FakeClock(s.Now)).Plan(s.Input);
            Assert.DoesNotContain(plan, n => n.AskId is not null && answered.Contains(n.AskId));
        }, iter: 300);
    }

    [Fact]
    public void Plan_Vacation_NothingDueOnOrBeforeItsLastDay()
    {
        GenScenario.Where(s => s.Input.User.Settings.VacationUntil is not null).Sample(s =>
        {
            var until = s.Input.User.Settings.VacationUntil!.Value;
            var plan = new NudgePlanner(new FakeClock(s.Now)).Plan(s.Input);
            Assert.All(plan, n => Assert.True(n.DueLocal.Date > until, $"{n.NudgeId} due {n.DueLocal} within vacation until {until}"));
        }, iter: 300);
    }

    [Fact]
    public void Plan_AfterVacation_DaysHoldingDisplacedRemindersHaveAtMostTwo()
    {
        GenScenario.Where(s => s.Input.User.Settings.VacationUntil is not null).Sample(s =>
        {
            var until = s.Input.User.Settings.VacationUntil!.Value;
            var plan = new NudgePlanner(new FakeClock(s.Now)).Plan(s.Input);

            // Displaced: a first follow-up step or a keep-in-touch reminder that, without the
            // vacation, would be due on one of its days (later steps chain, so they differ anyway).
            var away = s.Input with { User = s.Input.User with { Settings = s.Input.User.Settings with { VacationUntil = null } } };
            var displaced = new NudgePlanner(new FakeClock(s.Now)).Plan(away)
                .Where(n => n.Kind == NudgeKind.KeepInTouch || (n.Kind == NudgeKind.FollowUp && n.Step == 1))
                .Where(n => n.DueLocal.Date <= until)
                .Select(n => n.NudgeId)
                .ToHashSet(StringComparer.Ordinal);
            var reminders = plan.Where(n => n.Kind != NudgeKind.WeeklyDigest).ToList();
            foreach (var day in reminders.Where(n => displaced.Contains(n.NudgeId)).Select(n => n.DueLocal.Date).Distinct())
            {
                var onDay = reminders.Where(n => n.DueLocal.Date == day).ToList();
                Assert.True(
                    onDay.Count <= NudgePlanner.DisplacedRemindersPerDay,
                    $"{onDay.Count} reminders on {day} after a vacation until {until}: {string.Join(", ", onDay.Select(n => n.NudgeId))}");
            }
        }, iter: 500);
    }

    [Fact]
    public void Plan_AnyInput_NothingBeforeNowExceptCollapsedDigestAndOrdered()
    {
        GenScenario.Sample(s =>
        {
            var plan = new NudgePlanner(new FakeClock(s.Now)).Plan(s.Input);
            Assert.All(plan.Where(n => n.Kind != NudgeKind.WeeklyDigest), n => Assert.True(n.DueAt >= s.Now));
            Assert.Equal(plan.OrderBy(n => n.DueAt).ThenBy(n => n.NudgeId, StringComparer.Ordinal), plan);
            Assert.Equal(plan.Count, plan.Select(n => n.NudgeId).Distinct().Count());
        }, iter: 300);
    }
}

using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Testing;
using static MentorNudge.Core.Tests.Engine.Scenario;

// Longer than ~300 lines on purpose: one short test per time rule of docs/time-rules.md, in its order.
namespace MentorNudge.Core.Tests.Engine;

public sealed class NudgePlannerTests
{
    private static Scenario DigestUser(string zone, IsoDayOfWeek day, LocalTime time, Instant createdAt)
    {
        var s = new Scenario(zone, "GB", createdAt);
        s.Settings = s.Settings with { WeeklyDigest = new WeeklyDigestSettings(day, time) };
        return s;
    }

    [Fact]
    public void Plan_LondonSpringForwardDigestAt0130_ShiftsByTheGapTo0230Bst()
    {
        var s = DigestUser("Europe/London", IsoDayOfWeek.Sunday, new LocalTime(1, 30), Utc(2027, 3, 22));
        var digest = Assert.Single(s.PlanAt(Utc(2027, 3, 27, 12)));
        Assert.Equal(Utc(2027, 3, 28, 1, 30), digest.DueAt);
        Assert.Equal(new LocalDateTime(2027, 3, 28, 2, 30), digest.DueLocal.LocalDateTime);
        Assert.Equal(Offset.FromHours(1), digest.DueLocal.Offset);
        Assert.Equal("wd-u1-20270328", digest.NudgeId);
    }

    [Fact]
    public void Plan_NewYorkFallBackDigestAt0130_FiresOnceAtTheEarlierEdtInstant()
    {
        var s = DigestUser("America/New_York", IsoDayOfWeek.Sunday, new LocalTime(1, 30), Utc(2026, 10, 26));
        var first = Assert.Single(s.PlanAt(Utc(2026, 10, 31, 12)));
        Assert.Equal(Utc(2026, 11, 1, 5, 30), first.DueAt);
        Assert.Equal(Offset.FromHours(-4), first.DueLocal.Offset);

        // Sent; now it is 01:15 EST, before the repeated 01:30: no second digest that night.
        s.AddHistory(first.NudgeId, NudgeKind.WeeklyDigest, first.DueAt, NudgeStatus.Sent, sentAt: first.DueAt);
        var next = Assert.Single(s.PlanAt(Utc(2026, 11, 1, 6, 15)));
        Assert.Equal(Utc(2026, 11, 8, 6, 30), next.DueAt);
        Assert.Equal("wd-u1-20261108", next.NudgeId);
    }

    [Fact]
    public void Plan_LordHoweHalfHourGap_ShiftsByThirtyMinutes()
    {
        // Lord Howe moves from +10:30 to +11 at 02:00 on 4 Oct 2026: 02:15 does not exist.
        var s = DigestUser("Australia/Lord_Howe", IsoDayOfWeek.Sunday, new LocalTime(2, 15), Utc(2026, 9, 28));
        var digest = Assert.Single(s.PlanAt(Utc(2026, 10, 1)));
        Assert.Equal(Utc(2026, 10, 3, 15, 45), digest.DueAt);
        Assert.Equal(new LocalDateTime(2026, 10, 4, 2, 45), digest.DueLocal.LocalDateTime);
    }

    [Fact]
    public void Plan_KolkataFollowUp_ReminderTimeAtFixedOffset()
    {
        var s = new Scenario("Asia/Kolkata", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        var steps = s.FollowUpsAt(Utc(2026, 6, 1, 11));
        Assert.Equal([Utc(2026, 6, 8, 3, 30), Utc(2026, 6, 17, 3, 30)], steps.Select(n => n.DueAt));
        Assert.Equal(["fu-a1-1", "fu-a1-2"], steps.Select(n => n.NudgeId));
    }

    [Fact]
    public void Plan_UsOutreachBeforeThanksgiving_FirstFollowUpMondayAfter()
    {
        var s = new Scenario("America/New_York", "US", Utc(2026, 11, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 11, 20, 20)); // Friday 15:00 EST
        var first = s.FollowUpsAt(Utc(2026, 11, 20, 21))[0];
        Assert.Equal(Utc(2026, 11, 30, 14), first.DueAt);
        Assert.Equal(new LocalDateTime(2026, 11, 30, 9, 0), first.DueLocal.LocalDateTime);
    }

    [Fact]
    public void Plan_UserAddedHoliday_IsSkipped()
    {
        var s = new Scenario("America/New_York", "US", Utc(2026, 11, 1)).WithoutDigest();
        s.Settings = s.Settings with { ExtraHolidays = [new LocalDate(2026, 11, 27)] };
        s.AddAsk("a1", "p1", Utc(2026, 11, 20, 20));
        Assert.Equal(Utc(2026, 12, 1, 14), s.FollowUpsAt(Utc(2026, 11, 20, 21))[0].DueAt);
    }

    [Fact]
    public void Plan_GbOverChristmas_SkipsChristmasSubstituteBoxingDayAndNewYear()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 11, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 12, 23, 12));
        Assert.Equal(Utc(2027, 1, 4, 9), s.FollowUpsAt(Utc(2026, 12, 23, 13))[0].DueAt);
    }

    [Fact]
    public void Plan_JapanGoldenWeek_SkipsHolidays()
    {
        var s = new Scenario("Asia/Tokyo", "JP", Utc(2027, 4, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2027, 4, 28, 3)); // 12:00 JST Wednesday
        Assert.Equal(Utc(2027, 5, 11, 0), s.FollowUpsAt(Utc(2027, 4, 28, 4))[0].DueAt);
    }

    [Fact]
    public void Plan_StepOneSentLate_StepTwoChainsFromActualSentDate()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        s.AddHistory("fu-a1-1", NudgeKind.FollowUp, Utc(2026, 6, 8, 8), NudgeStatus.Sent, "p1", "a1", 1, Utc(2026, 6, 9, 10));
        var step = Assert.Single(s.FollowUpsAt(Utc(2026, 6, 10)));
        Assert.Equal(("fu-a1-2", Utc(2026, 6, 18, 8)), (step.NudgeId, step.DueAt));
    }

    [Fact]
    public void Plan_AnsweredAsk_NoFollowUps()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10), answeredAt: Utc(2026, 6, 3));
        Assert.Empty(s.PlanAt(Utc(2026, 6, 4)));
    }

    [Fact]
    public void Plan_InteractionAfterAsk_CancelsFollowUps()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        s.AddInteraction("p1", Utc(2026, 5, 30));
        Assert.Equal(2, s.FollowUpsAt(Utc(2026, 6, 2)).Count);
        s.AddInteraction("p1", Utc(2026, 6, 1, 10));
        Assert.Empty(s.FollowUpsAt(Utc(2026, 6, 2)));
    }

    [Fact]
    public void Plan_StoppedPerson_NothingAboutThem()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddPerson("p1", keepInTouchEveryDays: 10, stopped: true);
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        Assert.Empty(s.PlanAt(Utc(2026, 6, 2)));
    }

    [Fact]
    public void Plan_BackdatedOutreach_OverdueStepMovesToNextSlotAndNextStepChainsFromIt()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 4, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 5, 1, 10));
        var steps = s.FollowUpsAt(Utc(2026, 6, 10, 12)); // Wednesday 13:00 BST, past 09:00
        Assert.Equal([Utc(2026, 6, 11, 8), Utc(2026, 6, 22, 8)], steps.Select(n => n.DueAt));
    }

    [Fact]
    public void Plan_StoredScheduledAlreadyDue_KeepsStoredDue()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 4, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 5, 1, 10));
        s.AddHistory("fu-a1-1", NudgeKind.FollowUp, Utc(2026, 6, 10, 8), NudgeStatus.Scheduled, "p1", "a1", 1);
        var steps = s.FollowUpsAt(Utc(2026, 6, 10, 12));
        Assert.Equal([Utc(2026, 6, 10, 8), Utc(2026, 6, 19, 8)], steps.Select(n => n.DueAt));
    }

    [Fact]
    public void Plan_SnoozedPerson_MovedToFirstSlotAfterSnooze()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddPerson("p1", snoozedUntil: Utc(2026, 6, 20));
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        var steps = s.FollowUpsAt(Utc(2026, 6, 2));
        Assert.Equal([Utc(2026, 6, 22, 8), Utc(2026, 7, 1, 8)], steps.Select(n => n.DueAt));
    }

    [Fact]
    public void Plan_VacationWithFiveDueReminders_SpreadsTwoPerDayAfterIt()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.Settings = s.Settings with { VacationUntil = new LocalDate(2026, 6, 19), FollowUp = new FollowUpPolicy(5, 7, 1) };
        for (var i = 1; i <= 5; i++)
        {
            s.AddAsk("a" + i, "p" + i, Utc(2026, 6, 1, 10, i));
        }

        var plan = s.PlanAt(Utc(2026, 6, 1, 11));
        Assert.Equal(
            [Utc(2026, 6, 22, 8), Utc(2026, 6, 22, 8), Utc(2026, 6, 23, 8), Utc(2026, 6, 23, 8), Utc(2026, 6, 24, 8)],
            plan.Select(n => n.DueAt));
        Assert.Equal(["fu-a1-1", "fu-a2-1", "fu-a3-1", "fu-a4-1", "fu-a5-1"], plan.Select(n => n.NudgeId));
    }

    [Fact]
    public void Plan_ReminderDueOnADayFullOfDisplacedOnes_TakesTheNextFreePlace()
    {
        // Three displaced by the vacation fill Monday 22 and half of Tuesday 23 June; two more fall
        // due on those days by themselves (asks of 15 and 16 June): no day back gets more than two.
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.Settings = s.Settings with { VacationUntil = new LocalDate(2026, 6, 19), FollowUp = new FollowUpPolicy(5, 7, 1) };
        for (var i = 1; i <= 3; i++)
        {
            s.AddAsk("a" + i, "p" + i, Utc(2026, 6, 1, 10, i));
        }

        s.AddAsk("a4", "p4", Utc(2026, 6, 15, 10));
        s.AddAsk("a5", "p5", Utc(2026, 6, 16, 10));

        var plan = s.PlanAt(Utc(2026, 6, 16, 11));
        Assert.Equal(
            [("fu-a1-1", Utc(2026, 6, 22, 8)), ("fu-a2-1", Utc(2026, 6, 22, 8)), ("fu-a3-1", Utc(2026, 6, 23, 8)), ("fu-a4-1", Utc(2026, 6, 23, 8)), ("fu-a5-1", Utc(2026, 6, 24, 8))],
            plan.Select(n => (n.NudgeId, n.DueAt)));
    }

    [Fact]
    public void Plan_NoVacation_RemindersOfOneDayAreNotSpread()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.Settings = s.Settings with { FollowUp = new FollowUpPolicy(5, 7, 1) };
        for (var i = 1; i <= 3; i++)
        {
            s.AddAsk("a" + i, "p" + i, Utc(2026, 6, 15, 10, i));
        }

        Assert.All(s.PlanAt(Utc(2026, 6, 16, 11)), n => Assert.Equal(Utc(2026, 6, 22, 8), n.DueAt));
    }

    [Fact]
    public void Plan_VacationDisplacedStep_LaterStepChainsFromReplannedDate()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.Settings = s.Settings with { VacationUntil = new LocalDate(2026, 6, 19) };
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        Assert.Equal([Utc(2026, 6, 22, 8), Utc(2026, 7, 1, 8)], s.FollowUpsAt(Utc(2026, 6, 1, 11)).Select(n => n.DueAt));
    }

    [Fact]
    public void Plan_DigestsInVacation_NextRegularOneAfterIt()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 25));
        s.Settings = s.Settings with { VacationUntil = new LocalDate(2026, 6, 19) };
        var digest = Assert.Single(s.PlanAt(Utc(2026, 6, 1, 6)));
        Assert.Equal(("wd-u1-20260622", Utc(2026, 6, 22, 7)), (digest.NudgeId, digest.DueAt));
    }

    [Fact]
    public void Plan_DigestAfterDowntime_CollapsesIntoLatestDueOne()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 1, 1));
        s.AddHistory("wd-u1-20260302", NudgeKind.WeeklyDigest, Utc(2026, 3, 2, 8), NudgeStatus.Sent, sentAt: Utc(2026, 3, 2, 8));
        var digest = Assert.Single(s.PlanAt(Utc(2026, 4, 15, 12)));
        Assert.Equal(("wd-u1-20260413", Utc(2026, 4, 13, 7)), (digest.NudgeId, digest.DueAt));
    }

    [Fact]
    public void Plan_FirstDigest_FirstOccurrenceAfterCreation()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 6, 1, 7, 30)); // Monday 08:30 BST
        var digest = Assert.Single(s.PlanAt(Utc(2026, 6, 1, 7, 31)));
        Assert.Equal(Utc(2026, 6, 8, 7), digest.DueAt);
    }

    [Fact]
    public void Plan_KeepInTouch_DueNDaysAfterLatestInteractionOnBusinessDay()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 4, 1)).WithoutDigest();
        s.AddPerson("p1", keepInTouchEveryDays: 30, createdAt: Utc(2026, 5, 1, 12));
        s.AddInteraction("p1", Utc(2026, 5, 20, 12));
        var nudge = Assert.Single(s.PlanAt(Utc(2026, 5, 21)));
        Assert.Equal(("kt-p1-20260619", Utc(2026, 6, 19, 8)), (nudge.NudgeId, nudge.DueAt));

        s.People[0] = s.People[0] with { KeepInTouchEveryDays = 31 }; // lands on Saturday -> Monday
        Assert.Equal(Utc(2026, 6, 22, 8), Assert.Single(s.PlanAt(Utc(2026, 5, 21))).DueAt);

        s.AddInteraction("p1", Utc(2026, 6, 1, 12)); // resets the clock
        Assert.Equal(Utc(2026, 7, 2, 8), Assert.Single(s.PlanAt(Utc(2026, 6, 2))).DueAt);
    }

    [Fact]
    public void Plan_KeepInTouchAlreadySent_NotPlannedAgain()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 4, 1)).WithoutDigest();
        s.AddPerson("p1", keepInTouchEveryDays: 30, createdAt: Utc(2026, 5, 20, 12));
        s.AddHistory("kt-p1-20260619", NudgeKind.KeepInTouch, Utc(2026, 6, 19, 8), NudgeStatus.Sent, "p1", sentAt: Utc(2026, 6, 19, 8));
        Assert.Empty(s.PlanAt(Utc(2026, 6, 20)));
    }

    [Fact]
    public void Plan_AllStepsSent_NoFollowUpsAndPersonInAddValueFirstForFourWeeks()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        s.AddHistory("fu-a1-1", NudgeKind.FollowUp, Utc(2026, 6, 8, 8), NudgeStatus.Sent, "p1", "a1", 1, Utc(2026, 6, 8, 8));
        s.AddHistory("fu-a1-2", NudgeKind.FollowUp, Utc(2026, 6, 17, 8), NudgeStatus.Sent, "p1", "a1", 2, Utc(2026, 6, 17, 8));
        Assert.Empty(s.PlanAt(Utc(2026, 6, 18)));
        Assert.Equal(Utc(2026, 7, 15, 8), AddValueFirst.Until(s.Input(), "p1"));
        Assert.True(AddValueFirst.IsActive(s.Input(), "p1", Utc(2026, 7, 15, 7)));
        Assert.False(AddValueFirst.IsActive(s.Input(), "p1", Utc(2026, 7, 15, 8)));
        Assert.Null(AddValueFirst.Until(s.Input(), "p2"));
    }

    [Fact]
    public void Plan_MixedNudges_OrderedByDueThenId()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.AddAsk("b", "p1", Utc(2026, 6, 1, 10));
        s.AddAsk("a", "p2", Utc(2026, 6, 1, 11));
        var plan = s.PlanAt(Utc(2026, 6, 1, 12));
        Assert.Equal(["fu-a-1", "fu-b-1", "fu-a-2", "fu-b-2"], plan.Select(n => n.NudgeId));
    }

    [Fact]
    public void FollowUpsOf_OneAsk_OnlyItsSteps()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1));
        s.AddAsk("a1", "p1", Utc(2026, 6, 1, 10));
        s.AddAsk("a2", "p2", Utc(2026, 6, 1, 10));
        var steps = new NudgePlanner(new FakeClock(Utc(2026, 6, 1, 12))).FollowUpsOf(s.Input(), "a2");
        Assert.Equal(["fu-a2-1", "fu-a2-2"], steps.Select(n => n.NudgeId));
    }

    [Fact]
    public void FollowUpSchedule_Compute_MatchesPolicy()
    {
        var slots = ReminderSlots.For(UserSettings.CreateDefault("America/New_York", "US"));
        var steps = FollowUpSchedule.Compute(slots, FollowUpPolicy.Default, Utc(2026, 11, 20, 20));
        Assert.Equal([new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 9)], steps.Select(x => x.Date));
        Assert.Equal(Utc(2026, 11, 30, 14), steps[0].DueAt);
    }

    [Fact]
    public void Plan_ApiaVacationEndingBeforeSkippedDay_DisplacedReminderAfterIt()
    {
        // Apia skipped Friday 2011-12-30: the first day back does not exist, the next business day is Tuesday 3 Jan 2012.
        var s = new Scenario("Pacific/Apia", "US", Utc(2011, 11, 1)).WithoutDigest();
        s.Settings = s.Settings with { VacationUntil = new LocalDate(2011, 12, 29), FollowUp = new FollowUpPolicy(1, 7, 1) };
        s.AddAsk("a1", "p1", Utc(2011, 12, 20));
        var step = Assert.Single(s.PlanAt(Utc(2011, 12, 20, 1)));
        Assert.Equal(new LocalDateTime(2012, 1, 3, 9, 0), step.DueLocal.LocalDateTime);
    }

    [Fact]
    public void Plan_VacationWithFollowUpsAndKeepInTouch_SpreadInOrderOfOriginalDue()
    {
        var s = new Scenario("Europe/London", "GB", Utc(2026, 5, 1)).WithoutDigest();
        s.Settings = s.Settings with { VacationUntil = new LocalDate(2026, 6, 19), FollowUp = new FollowUpPolicy(3, 7, 1) };
        s.AddPerson("p1", keepInTouchEveryDays: 10, createdAt: Utc(2026, 5, 28, 12)); // due Sunday 7 June -> Monday 8 June
        s.AddAsk("a1", "p2", Utc(2026, 6, 1, 10)); // due Thursday 4 June
        s.AddAsk("a2", "p3", Utc(2026, 6, 1, 10));
        var plan = s.PlanAt(Utc(2026, 6, 1, 11));
        Assert.Equal(
            [("fu-a1-1", Utc(2026, 6, 22, 8)), ("fu-a2-1", Utc(2026, 6, 22, 8)), ("kt-p1-20260608", Utc(2026, 6, 23, 8))],
            plan.Select(n => (n.NudgeId, n.DueAt)));
    }
}

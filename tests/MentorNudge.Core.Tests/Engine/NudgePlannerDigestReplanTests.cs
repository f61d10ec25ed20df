using MentorNudge.Core.Model;
using NodaTime;
using static MentorNudge.Core.Tests.Engine.Scenario;

namespace MentorNudge.Core.Tests.Engine;

/// <summary>
/// Issue 13, bug 1: a digest withdrawn by a re-plan (settings changed) is not a digest the user
/// got, so it must not move the next occurrence past the one the new settings give.
/// </summary>
public sealed class NudgePlannerDigestReplanTests
{
    [Fact]
    public void Plan_DigestMovedToLaterTodayThenReplanned_KeepsTodaysDigest()
    {
        // Etc/UTC user created Monday 2 March 2026 at 12:00: Monday 08:00 has passed.
        var s = new Scenario("Etc/UTC", "GB", Utc(2026, 3, 2, 12));
        var first = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 12)));
        Assert.Equal("wd-u1-20260309", first.NudgeId);

        // PUT /me: Monday 18:00. The re-plan withdraws next Monday's 08:00 and plans today's 18:00.
        s.Settings = s.Settings with { WeeklyDigest = new WeeklyDigestSettings(IsoDayOfWeek.Monday, new LocalTime(18, 0)) };
        s.AddHistory(first.NudgeId, NudgeKind.WeeklyDigest, first.DueAt, NudgeStatus.Cancelled, reason: NudgeReasons.NoLongerPlanned);
        var moved = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 12, 5)));
        Assert.Equal(Utc(2026, 3, 2, 18), moved.DueAt);
        s.AddHistory(moved.NudgeId, NudgeKind.WeeklyDigest, moved.DueAt, NudgeStatus.Scheduled);

        // Any later re-plan (a person added) must keep it.
        var again = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 12, 10)));
        Assert.Equal(moved.NudgeId, again.NudgeId);
        Assert.Equal(Utc(2026, 3, 2, 18), again.DueAt);
    }

    [Fact]
    public void Plan_AfterTodaysDigestSent_NextMondayAt1800EvenWhereAWithdrawnDigestWas()
    {
        var s = new Scenario("Etc/UTC", "GB", Utc(2026, 3, 2, 12));
        s.Settings = s.Settings with { WeeklyDigest = new WeeklyDigestSettings(IsoDayOfWeek.Monday, new LocalTime(18, 0)) };
        s.AddHistory("wd-u1-20260309", NudgeKind.WeeklyDigest, Utc(2026, 3, 9, 8), NudgeStatus.Cancelled, reason: NudgeReasons.NoLongerPlanned);
        s.AddHistory("wd-u1-20260302", NudgeKind.WeeklyDigest, Utc(2026, 3, 2, 18), NudgeStatus.Sent, sentAt: Utc(2026, 3, 2, 18));

        var next = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 18, 1)));

        // Same date, so the same id as the withdrawn row: the scheduler re-activates it.
        Assert.Equal("wd-u1-20260309", next.NudgeId);
        Assert.Equal(Utc(2026, 3, 9, 18), next.DueAt);
    }

    [Fact]
    public void Plan_TokyoDigestMovedFromMondayToWednesday_FirstWednesdayKept()
    {
        // Created Monday 2 March 2026 10:00 JST (01:00 UTC): first digest Monday 9 March 08:00 JST.
        var s = new Scenario("Asia/Tokyo", "JP", Utc(2026, 3, 2, 1));
        var first = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 1)));
        Assert.Equal(Utc(2026, 3, 8, 23), first.DueAt);

        s.Settings = s.Settings with { WeeklyDigest = new WeeklyDigestSettings(IsoDayOfWeek.Wednesday, new LocalTime(8, 0)) };
        s.AddHistory(first.NudgeId, NudgeKind.WeeklyDigest, first.DueAt, NudgeStatus.Cancelled, reason: NudgeReasons.NoLongerPlanned);
        var moved = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 2)));
        Assert.Equal(Utc(2026, 3, 3, 23), moved.DueAt); // Wednesday 4 March 08:00 JST
        s.AddHistory(moved.NudgeId, NudgeKind.WeeklyDigest, moved.DueAt, NudgeStatus.Scheduled);

        var again = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 3)));
        Assert.Equal(moved.NudgeId, again.NudgeId);
    }

    [Fact]
    public void Plan_SkippedDigest_CountsAsHistory()
    {
        // Skipped (e.g. collapsed-overdue, vacation) is an occurrence that happened: not planned again.
        var s = new Scenario("Etc/UTC", "GB", Utc(2026, 3, 1));
        s.AddHistory("wd-u1-20260302", NudgeKind.WeeklyDigest, Utc(2026, 3, 2, 8), NudgeStatus.Skipped);

        var next = Assert.Single(s.PlanAt(Utc(2026, 3, 2, 9)));

        Assert.Equal(Utc(2026, 3, 9, 8), next.DueAt);
    }
}

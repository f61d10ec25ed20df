using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Content;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>The pipeline with the real planner and composer: the design's time rules end to end.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RealEngineTests(AzuriteFixture azurite)
{
    // Monday 2 March 2026, 08:00 in London (GMT, no holidays in March).
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 8, 0);

    [Fact]
    public async Task LogOutreach_DefaultPolicy_TwoFollowUpsAtBusinessDayInstants()
    {
        var h = new PipelineHarness(azurite, Start, realEngine: true);
        var (userId, personId) = await h.UserWithPersonAsync();

        var outreach = await h.Outreach.LogAsync(userId, personId, new OutreachDraft(Text: "Could we talk for 15 minutes about X?"));

        // 5 business days after Monday 2 March: Monday 9 March 09:00; then 7 more: Wednesday 18 March 09:00.
        Assert.Equal(
            [Instant.FromUtc(2026, 3, 9, 9, 0), Instant.FromUtc(2026, 3, 18, 9, 0)],
            outreach.FollowUps.Select(f => f.DueAt));
        Assert.Equal(new LocalDateTime(2026, 3, 9, 9, 0), outreach.FollowUps[0].DueLocal.LocalDateTime);
        var schedule = await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(30));
        Assert.Contains(schedule, n => n.Kind == NudgeKind.WeeklyDigest);
    }

    [Fact]
    public async Task Pipeline_FollowUpDue_SentWithHeadersThenReplyCancelsTheNext()
    {
        var h = new PipelineHarness(azurite, Start, realEngine: true);
        var (userId, personId) = await h.UserWithPersonAsync();
        var outreach = await h.Outreach.LogAsync(userId, personId, new OutreachDraft(Text: "Could we talk for 15 minutes about X?"));
        await h.Dispatcher.DispatchDueAsync(h.Now);

        h.Clock.Reset(Instant.FromUtc(2026, 3, 9, 9, 0));
        await h.TickAndSendAsync();
        await h.Interactions.LogReplyAsync(userId, personId);

        var first = outreach.FollowUps[0].NudgeId;
        var email = h.Email.Delivered[first];
        Assert.Equal(first, email.Headers[NudgeEmailComposer.NudgeIdHeader]);
        Assert.Equal("followUp", email.Headers[NudgeEmailComposer.KindHeader]);
        Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(userId, first)).Nudge.Status);
        Assert.Equal(NudgeStatus.Cancelled, (await h.NudgeAsync(userId, outreach.FollowUps[1].NudgeId)).Nudge.Status);
        Assert.DoesNotContain(await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(30)), n => n.Kind == NudgeKind.FollowUp);
    }
}

using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Storage;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>Common set-ups and the "run the host until nothing is left" loop used by the pipeline tests.</summary>
public static class Scenario
{
    /// <summary>Users with one person and one outreach each (follow-ups at +5 and +12 days); returns (userId, step-1 id, step-2 id).</summary>
    public static async Task<List<(string UserId, string First, string Second)>> OutreachesAsync(PipelineHarness h, int users)
    {
        var result = new List<(string, string, string)>();
        for (var i = 0; i < users; i++)
        {
            var (userId, personId) = await h.UserWithPersonAsync($"user{i}@example.com");
            var outreach = await h.Outreach.LogAsync(userId, personId, new OutreachDraft(Text: "Would you have 15 minutes next week?"));
            result.Add((userId, outreach.FollowUps[0].NudgeId, outreach.FollowUps[1].NudgeId));
        }

        return result;
    }

    /// <summary>
    /// Plays the host: dispatch, take the queued messages, send each; a message whose handling
    /// crashed or asked to retry stays pending (the queue would redeliver it). Each round moves
    /// the clock past the send lease. Crashes are swallowed: they are what the test injects.
    /// </summary>
    public static async Task RunUntilQuietAsync(PipelineHarness h, int rounds = 6)
    {
        var pending = new List<NudgeMessage>();
        for (var round = 0; round < rounds; round++)
        {
            try
            {
                await h.Dispatcher.DispatchDueAsync(h.Now);
            }
            catch (InjectedCrashException)
            {
            }

            pending.AddRange(await h.DrainNudgeQueueAsync());
            var next = new List<NudgeMessage>();
            foreach (var message in pending)
            {
                try
                {
                    var result = await h.Sender.SendAsync(message);
                    if (result.Outcome == SendNudgeOutcome.RetryLater)
                    {
                        next.Add(message);
                    }
                }
                catch (InjectedCrashException)
                {
                    next.Add(message);
                }
            }

            pending = next;
            h.Clock.Advance(NudgeSender.LeaseDuration + Duration.FromMinutes(1));
        }
    }
}

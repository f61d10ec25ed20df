using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Tests.Azurite;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>The flags that stop email also clear: a new address after a bounce, or resubscribing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UndeliverableRecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UpdateUser_NewAddressAfterBounce_MailFlowsAgain()
    {
        var (h, userId, user) = await BouncedAsync();
        Assert.True((await h.Users.GetAsync(userId)).EmailUndeliverable);

        await h.Users.UpdateAsync(userId, "new.address@example.com", user.Settings);
        var person = (await h.People.ListAsync(userId)).Single();
        await h.Outreach.LogAsync(userId, person.Id, new OutreachDraft(Text: "Could I ask one question about your talk?"));
        h.Clock.Advance(Duration.FromDays(8));
        var results = await h.TickAndSendAsync();

        Assert.False((await h.Users.GetAsync(userId)).EmailUndeliverable);
        Assert.Contains(results, r => r.Outcome == SendNudgeOutcome.Sent);
        Assert.Contains(h.Email.Delivered.Values, m => m.To == "new.address@example.com");
    }

    [Fact]
    public async Task UpdateUser_SameAddressAfterBounce_StaysUndeliverable()
    {
        var (h, userId, user) = await BouncedAsync();

        await h.Users.UpdateAsync(userId, user.Email.ToUpperInvariant(), user.Settings);

        Assert.True((await h.Users.GetAsync(userId)).EmailUndeliverable);
    }

    [Fact]
    public async Task UpdateUser_Resubscribe_ClearsUnsubscribed()
    {
        var h = new PipelineHarness(azurite);
        var (userId, _) = await h.UserWithPersonAsync();
        await h.Users.UnsubscribeAsync(userId);
        var user = await h.Users.GetAsync(userId);
        Assert.True(user.Unsubscribed);

        await h.Users.UpdateAsync(userId, user.Email, user.Settings, unsubscribed: false);

        Assert.False((await h.Users.GetAsync(userId)).Unsubscribed);
    }

    /// <summary>A user whose first follow-up went out and bounced.</summary>
    private async Task<(PipelineHarness Harness, string UserId, MentorNudge.Core.Model.User User)> BouncedAsync()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        h.Clock.Advance(Duration.FromDays(5));
        await h.TickAndSendAsync();
        var user = await h.Users.GetAsync(userId);
        Assert.True(await h.DeliveryReports.RecordAsync("op-" + first, user.Email, "Bounced"));
        return (h, userId, user);
    }
}

using System.Net;
using System.Net.Http.Json;
using NodaTime;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary>
/// The whole service through HTTP: <c>serve --virtual-clock</c>, a user in London, an outreach on a
/// Friday, and the clock moved through the weeks. Times below are London local = UTC before
/// 29 March 2026, UTC+1 after.
/// </summary>
public sealed class ServeVirtualClockTests
{
    // Friday 6 March 2026, 10:00 in London.
    private static readonly Instant Friday = Instant.FromUtc(2026, 3, 6, 10, 0);

    [Fact]
    public async Task AdvanceClock_UnansweredFridayOutreach_FollowUpOnFifthBusinessDayAtReminderTime()
    {
        await using var host = await LocalHostHarness.StartAsync(Friday);
        Assert.True(host.ApiMapped, "serve does not map the HTTP API under /api/v1.");
        await host.CreateUserAsync();
        var person = await host.AddPersonAsync("Priya Shah");
        await host.LogOutreachAsync(person, Friday, "Two questions", "Hi Priya, could I ask you two questions about leading a team, on a 20-minute call next week?");

        // Thursday evening: nothing yet (5 business days after Friday is the next Friday).
        await host.SetClockAsync(Instant.FromUtc(2026, 3, 12, 23, 0));
        Assert.DoesNotContain(host.Emails(), e => e.Kind == "followUp");

        var answer = await host.SetClockAsync(Instant.FromUtc(2026, 3, 13, 12, 0));

        var followUp = Assert.Single(host.Emails(), e => e.Kind == "followUp");
        Assert.Equal("alex@example.com", followUp.To);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero), followUp.Date.ToUniversalTime());
        var sent = Assert.Single(host.Host.SentMail.Since(0), m => m.Kind == "followUp");
        Assert.Equal(Instant.FromUtc(2026, 3, 13, 9, 0), sent.At);
        Assert.Contains(answer["sent"]!.AsArray(), s => (string?)s!["kind"] == "followUp");
        Assert.Equal("2026-03-13T12:00:00Z", (string?)answer["now"]);
    }

    [Fact]
    public async Task AdvanceClock_ReplyAfterFirstFollowUp_CancelsTheSecond()
    {
        await using var host = await LocalHostHarness.StartAsync(Friday);
        await host.CreateUserAsync();
        var person = await host.AddPersonAsync("Daniel Okafor", role: "sponsor");
        var other = await host.AddPersonAsync("Mei Lin", connection: "admired");
        await host.LogOutreachAsync(person, Friday, "Platform lead", "Hi Daniel, would you have 15 minutes before the end of the month to tell me what would make a candidate for the platform lead role stand out?");
        await host.LogOutreachAsync(other, Friday, "Your newsletter", "Hi Mei, your piece on consensus changed how I design retries. Could you point me to one paper that shaped it?");

        await host.SetClockAsync(Instant.FromUtc(2026, 3, 16, 12, 0));
        Assert.Equal(2, host.Emails().Count(e => e.Kind == "followUp"));
        await host.LogReplyAsync(person, Instant.FromUtc(2026, 3, 16, 12, 0));

        // The second follow-ups were due Tuesday 24 March (7 business days after Friday the 13th).
        await host.SetClockAsync(Instant.FromUtc(2026, 4, 3, 12, 0));

        var followUps = host.Emails().Where(e => e.Kind == "followUp").ToList();
        Assert.Equal(3, followUps.Count);
        var second = Assert.Single(followUps, e => e.Date.ToUniversalTime() == new DateTimeOffset(2026, 3, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains("Mei", second.Subject + second.Text, StringComparison.Ordinal);
        Assert.Contains(await host.NudgeHistoryAsync(), n => n.PersonId == person && n.Kind == "followUp" && n.Status == "cancelled");
    }

    [Fact]
    public async Task AdvanceClock_DigestSettings_DigestArrivesAtUsersDayAndTimeAcrossDst()
    {
        await using var host = await LocalHostHarness.StartAsync(Friday);
        await host.CreateUserAsync();
        await host.AddPersonAsync("Tomás Rivera", role: "peer");
        await host.SetWeeklyDigestAsync(IsoDayOfWeek.Wednesday, new LocalTime(7, 30));

        var answer = await host.SetClockAsync(Instant.FromUtc(2026, 4, 2, 12, 0));

        var digests = host.Emails().Where(e => e.Kind == "weeklyDigest").Select(e => e.Date.ToUniversalTime()).Order().ToList();

        // Wednesdays 07:30 London: GMT until 29 March, then BST (06:30 UTC).
        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 11, 7, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 18, 7, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 25, 7, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 4, 1, 6, 30, 0, TimeSpan.Zero),
            ],
            digests);
        Assert.Equal(4, answer["sent"]!.AsArray().Count(s => (string?)s!["kind"] == "weeklyDigest"));
    }

    [Fact]
    public async Task AdvanceClock_WeeksInSmallAndLargeSteps_NoEmailIsDuplicated()
    {
        await using var host = await LocalHostHarness.StartAsync(Friday);
        await host.CreateUserAsync();
        foreach (var name in new[] { "Priya Shah", "Daniel Okafor", "Helen Carter" })
        {
            var id = await host.AddPersonAsync(name);
            await host.LogOutreachAsync(id, Friday, "Hello", $"Hi {name.Split(' ')[0]}, could I ask one question about your career on a 15-minute call next week?");
        }

        // Hour by hour for two days, then in one jump: the same instants, never twice.
        for (var i = 0; i < 48; i++)
        {
            await host.AdvanceAsync("PT1H");
        }

        await host.AdvanceAsync("P5W");
        var emails = host.Emails();

        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.False(string.IsNullOrEmpty(e.NudgeId)));
        Assert.Equal(emails.Count, emails.Select(e => e.NudgeId).Distinct().Count());
        Assert.Equal(emails.Count, host.Host.SentMail.Since(0).Count);
        Assert.Equal(6, emails.Count(e => e.Kind == "followUp"));
    }

    [Fact]
    public async Task AdminClock_WithoutOrWithWrongKey_IsRefusedAndTimeStandsStill()
    {
        await using var host = await LocalHostHarness.StartAsync(Friday);

        using var none = await host.Http.PostAsJsonAsync("admin/clock", new { advanceBy = "P1D" });
        using var wrong = await host.RawAsync(HttpMethod.Post, "admin/clock", new { advanceBy = "P1D" }, admin: true, adminKey: "not-the-key");
        using var bad = await host.RawAsync(HttpMethod.Post, "admin/clock", new { advanceBy = "soon" }, admin: true);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Friday, host.Host.VirtualClock!.GetCurrentInstant());
    }
}

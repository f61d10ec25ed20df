using NodaTime;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary>Plain <c>serve</c> keeps Azurite's data in its data folder: a restart loses nothing and sends nothing twice.</summary>
public sealed class ServeRestartTests
{
    [Fact]
    public async Task Restart_SameDataFolder_KeepsUsersAndSendsEachNudgeOnce()
    {
        var data = Directory.CreateTempSubdirectory("mentornudge-restart-");
        try
        {
            string token;
            await using (var first = await LocalHostHarness.StartAsync(Instant.FromUtc(2026, 3, 6, 10, 0), data.FullName, persistentAzurite: true))
            {
                await first.CreateUserAsync();
                token = first.Token!;
                var person = await first.AddPersonAsync("Priya Shah");
                await first.PostAsync($"people/{person}/outreach", new { sentAt = "2026-03-06T10:00:00Z", subject = "Two questions", text = "Hi Priya, could I ask two questions about your first 90 days as a lead, on a 20-minute call next week?" });
                await first.SetClockAsync(Instant.FromUtc(2026, 3, 13, 12, 0));
                Assert.Single(first.Emails(), e => e.Kind == "followUp");
            }

            // Started again an hour later on the same folder: the first follow-up is not sent again, the second comes.
            await using var second = await LocalHostHarness.StartAsync(Instant.FromUtc(2026, 3, 13, 13, 0), data.FullName, persistentAzurite: true);
            second.SignIn(token);
            Assert.Single(LocalHostJson.Items(await second.GetAsync("people")));

            await second.SetClockAsync(Instant.FromUtc(2026, 3, 27, 12, 0));

            var followUps = second.Emails().Where(e => e.Kind == "followUp").ToList();
            Assert.Equal(2, followUps.Count);
            Assert.Equal(2, followUps.Select(e => e.NudgeId).Distinct().Count());
            Assert.Equal(second.Emails().Count, second.Emails().Select(e => e.NudgeId).Distinct().Count());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}

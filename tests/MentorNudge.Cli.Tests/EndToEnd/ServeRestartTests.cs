using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using Microsoft.Extensions.DependencyInjection;
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
            string userId;
            await using (var first = await LocalHostHarness.StartAsync(Instant.FromUtc(2026, 3, 6, 10, 0), data.FullName, persistentAzurite: true))
            {
                userId = (await first.Use<Users>().CreateAsync("alex@example.com", UserSettings.CreateDefault("Europe/London", "GB"))).UserId;
                var person = await first.Use<People>().AddAsync(userId, new PersonDraft("Priya Shah", ["priya@example.com"]));
                await first.Use<Outreach>().LogAsync(userId, person.Id, new OutreachDraft(Instant.FromUtc(2026, 3, 6, 10, 0), "email", "Two questions", "Hi Priya, could I ask two questions about your first 90 days as a lead, on a 20-minute call next week?"));
                await first.SetClockAsync(Instant.FromUtc(2026, 3, 13, 12, 0));
                Assert.Single(first.Emails(), e => e.Kind == "followUp");
            }

            // Started again an hour later on the same folder: the first follow-up is not sent again, the second comes.
            await using var second = await LocalHostHarness.StartAsync(Instant.FromUtc(2026, 3, 13, 13, 0), data.FullName, persistentAzurite: true);
            Assert.Single(await second.Use<People>().ListAsync(userId));

            await second.SetClockAsync(Instant.FromUtc(2026, 3, 27, 12, 0));

            var emails = second.Emails();
            var followUps = emails.Where(e => e.Kind == "followUp").ToList();
            Assert.Equal(2, followUps.Count);
            Assert.Equal(2, followUps.Select(e => e.NudgeId).Distinct().Count());
            Assert.Equal(emails.Count, emails.Select(e => e.NudgeId).Distinct().Count());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}

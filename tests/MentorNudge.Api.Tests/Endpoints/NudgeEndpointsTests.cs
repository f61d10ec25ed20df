using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary><c>GET /api/v1/schedule</c>'s window on Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class NudgeEndpointsTests(AzuriteFixture azurite)
{
    // A Wednesday in New Zealand summer (UTC+13): the Monday 08:00 digest is Sunday 19:00 UTC.
    private static readonly Instant Wednesday = Instant.FromUtc(2027, 1, 6, 1, 0);

    [Fact]
    public async Task Schedule_BareDates_AreDaysInTheUsersZone()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        stack.Host.Clock.Reset(Wednesday);
        var user = await stack.CreateUserAsync(zone: "Pacific/Auckland", country: "NZ");

        var digest = (await ScheduleAsync(stack, user, "")).Single(n => n.Kind == "weeklyDigest");
        var day = digest.DueLocal.Date;
        Assert.Equal(IsoDayOfWeek.Monday, day.DayOfWeek);
        Assert.NotEqual(day, digest.DueAt.InUtc().Date);

        // Monday in Auckland starts on Sunday 11:00 UTC: the digest is in it (read as UTC days it would not be).
        var monday = await ScheduleAsync(stack, user, $"?from={Iso(day)}&to={Iso(day.PlusDays(1))}");
        Assert.Contains(monday, n => n.Id == digest.Id);

        var sunday = await ScheduleAsync(stack, user, $"?from={Iso(day.PlusDays(-1))}&to={Iso(day)}");
        Assert.DoesNotContain(sunday, n => n.Id == digest.Id);
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static async Task<List<(string Id, string Kind, Instant DueAt, OffsetDateTime DueLocal)>> ScheduleAsync(ApiStack stack, TestUser user, string query)
    {
        using var response = await stack.SendAsync(HttpMethod.Get, "/api/v1/schedule" + query, user.Token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsArray().Select(n => (
            n!["nudgeId"]!.GetValue<string>(),
            n["kind"]!.GetValue<string>(),
            InstantPattern.ExtendedIso.Parse(n["dueAt"]!.GetValue<string>()).Value,
            OffsetDateTimePattern.ExtendedIso.Parse(n["dueLocal"]!.GetValue<string>()).Value)).ToList();
    }
}

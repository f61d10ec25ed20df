using Azure.Data.Tables;
using MentorNudge.Infrastructure.Email.Pacing;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Email.Pacing;

[Collection(AzuriteCollection.Name)]
public sealed class TableEmailPacerTests(AzuriteFixture azurite)
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 26, 9, 0);

    private TableEmailPacer Pacer(int perMinute, int perHour, string? table = null) => new(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new EmailQuotaOptions { PerMinute = perMinute, PerHour = perHour, TableName = table ?? AzuriteFixture.UniqueName("pacing") }),
        NullLogger<TableEmailPacer>.Instance);

    /// <summary>Acquires <paramref name="count"/> slots one after another, moving time to each offered slot.</summary>
    private static async Task<List<Instant>> DrainAsync(TableEmailPacer pacer, int count, Instant start)
    {
        var grants = new List<Instant>();
        var now = start;
        while (grants.Count < count)
        {
            var decision = await pacer.TryAcquireAsync(now);
            if (decision.Granted)
            {
                grants.Add(now);
            }
            else
            {
                Assert.True(decision.NextSlotAt > now, "a denial must point to a later instant");
                now = decision.NextSlotAt!.Value;
            }
        }

        return grants;
    }

    private static int MostInAnyWindow(IReadOnlyList<Instant> grants, Duration window) =>
        grants.Max(start => grants.Count(g => g >= start && g < start + window));

    [Fact]
    public async Task TryAcquireAsync_UpToPerMinute_GrantsThenDeniesWithNextSlot()
    {
        var pacer = Pacer(perMinute: 5, perHour: 100);
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await pacer.TryAcquireAsync(T0 + Duration.FromSeconds(i))).Granted);
        }

        var denied = await pacer.TryAcquireAsync(T0 + Duration.FromSeconds(10));

        Assert.False(denied.Granted);
        Assert.Equal(T0 + Duration.FromMinutes(1), denied.NextSlotAt);
        Assert.True((await pacer.TryAcquireAsync(T0 + Duration.FromMinutes(1))).Granted);
    }

    [Fact]
    public async Task TryAcquireAsync_BurstOfThirtyUnderFivePerMinute_SpreadsOverSixMinutes()
    {
        var pacer = Pacer(perMinute: 5, perHour: 1000);

        var grants = await DrainAsync(pacer, 30, T0);

        Assert.True(MostInAnyWindow(grants, Duration.FromMinutes(1)) <= 5);
        Assert.Equal(T0 + Duration.FromMinutes(5), grants[^1]);
        Assert.Equal(6, grants.Select(g => (g - T0).TotalMinutes).Distinct().Count());
    }

    [Fact]
    public async Task TryAcquireAsync_AzureManagedDomainQuota_NeverMoreThanTenPerHour()
    {
        var pacer = Pacer(perMinute: 5, perHour: 10);

        var grants = await DrainAsync(pacer, 25, T0);

        Assert.True(MostInAnyWindow(grants, Duration.FromMinutes(1)) <= 5);
        Assert.True(MostInAnyWindow(grants, Duration.FromHours(1)) <= 10);
        Assert.Equal(T0 + Duration.FromHours(2), grants[^1]);
    }

    [Fact]
    public async Task TryAcquireAsync_ManyConcurrentAcquirers_NeverOverGrant()
    {
        var table = AzuriteFixture.UniqueName("pacing");
        // Separate instances, as separate Function hosts would be.
        var pacers = Enumerable.Range(0, 4).Select(_ => Pacer(perMinute: 5, perHour: 100, table)).ToList();
        await pacers[0].TryAcquireAsync(T0 - Duration.FromHours(2)); // creates the table and row first

        var decisions = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => pacers[i % pacers.Count].TryAcquireAsync(T0)));

        Assert.Equal(5, decisions.Count(d => d.Granted));
        Assert.All(decisions.Where(d => !d.Granted), d => Assert.Equal(T0 + Duration.FromMinutes(1), d.NextSlotAt));
    }

    [Fact]
    public async Task TryAcquireAsync_ConcurrentAcquirersOnAFreshTable_NeverOverGrant()
    {
        var table = AzuriteFixture.UniqueName("pacing");
        var pacers = Enumerable.Range(0, 3).Select(_ => Pacer(perMinute: 3, perHour: 100, table)).ToList();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => pacers[i % pacers.Count].TryAcquireAsync(T0)));

        Assert.Equal(3, decisions.Count(d => d.Granted));
    }
}

using BenchmarkDotNet.Attributes;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Bench.Engine;

/// <summary>
/// P6: one million follow-up due instants, each from an outreach instant spread over ten years,
/// for users in zones with DST (including a 30-minute one) and countries with many holidays.
/// One invocation computes all of them, so the reported mean is the time for 1,000,000.
/// </summary>
[MemoryDiagnoser]
public class FollowUpDueBenchmark
{
    public const int Count = 1_000_000;

    private static readonly (string Zone, string Country)[] Users =
    [
        ("America/New_York", "US"), ("Europe/London", "GB"), ("Europe/Berlin", "DE"), ("Asia/Tokyo", "JP"),
        ("Australia/Lord_Howe", "AU"), ("Asia/Kolkata", "GB"), ("America/Sao_Paulo", "BR"), ("Pacific/Auckland", "NZ"),
    ];

    private ReminderSlots[] slots = [];
    private Instant[] sentAt = [];
    private FollowUpPolicy policy = FollowUpPolicy.Default;

    [GlobalSetup]
    public void Setup()
    {
        // One calendar per user, built once, as the planner does per planning pass.
        slots = [.. Enumerable.Range(0, 1000).Select(i => Users[i % Users.Length])
            .Select(u => ReminderSlots.For(UserSettings.CreateDefault(u.Zone, u.Country)))];
        var random = new Random(42);
        var start = Instant.FromUtc(2020, 1, 1, 0, 0).ToUnixTimeSeconds();
        var end = Instant.FromUtc(2030, 1, 1, 0, 0).ToUnixTimeSeconds();
        sentAt = [.. Enumerable.Range(0, Count).Select(_ => Instant.FromUnixTimeSeconds(random.NextInt64(start, end)))];
        policy = FollowUpPolicy.Default;
    }

    [Benchmark(Description = "1,000,000 first follow-up dues")]
    public long FirstFollowUpDues()
    {
        long checksum = 0;
        for (var i = 0; i < sentAt.Length; i++)
        {
            checksum += FollowUpSchedule.FirstDue(slots[i % slots.Length], policy, sentAt[i]).ToUnixTimeTicks();
        }

        return checksum;
    }
}

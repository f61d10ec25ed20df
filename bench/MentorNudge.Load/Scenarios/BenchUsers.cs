using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;
using MentorNudge.Load.Infrastructure;
using NodaTime;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// Users and people for the MentorNudge scenarios, created through the application service: ten
/// people per user, users spread over zones with and without DST, one follow-up per outreach and
/// no weekly digest (so every nudge in a run is one of the measured follow-ups).
/// </summary>
internal static class BenchUsers
{
    private static readonly (string Zone, string Country)[] Zones =
    [
        ("Europe/London", "GB"), ("America/New_York", "US"), ("Europe/Berlin", "DE"), ("Asia/Tokyo", "JP"),
        ("Australia/Sydney", "AU"), ("America/Sao_Paulo", "BR"), ("America/Mexico_City", "MX"), ("Pacific/Auckland", "NZ"),
    ];

    public static UserSettings Settings(int i)
    {
        var (zone, country) = Zones[i % Zones.Length];
        return UserSettings.CreateDefault(zone, country) with
        {
            WeeklyDigest = WeeklyDigestSettings.Default with { Enabled = false },
            FollowUp = new FollowUpPolicy(FirstAfterBusinessDays: 5, ThenAfterBusinessDays: 7, MaxFollowUps: 1),
        };
    }

    /// <summary>Creates <paramref name="users"/> users with ten people each; returns (user, person) pairs in order.</summary>
    public static async Task<List<(string UserId, string PersonId)>> CreateAsync(MentorNudgeStack stack, int users, int parallelism)
    {
        // Users one at a time: creating one is an entity-group transaction, and Azurite 3.37 cannot
        // run two at once. People (single-row writes) in parallel.
        var userIds = new List<string>(users);
        for (var u = 0; u < users; u++)
        {
            userIds.Add((await stack.Users.CreateAsync($"user{u}@bench.mentornudge.test", Settings(u), $"Bench User {u}")).UserId);
        }

        var pairs = new (string, string)[users * 10];
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (u, ct) =>
        {
            for (var p = 0; p < 10; p++)
            {
                var person = await stack.People.AddAsync(
                    userIds[u],
                    new PersonDraft($"Person {u}-{p}", [$"person{u}x{p}@bench.mentornudge.test"], Connection.Existing, PersonRole.Mentor, ["distributed systems"]),
                    ct);
                pairs[(u * 10) + p] = (userIds[u], person.Id);
            }
        });
        return [.. pairs];
    }


    public static Instant Start { get; } = Instant.FromUtc(2026, 9, 2, 12, 0);
}

using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>
/// A simple stand-in planner for pipeline tests: follow-ups of awaiting asks at sentAt + 5 and
/// + 12 calendar days (or the offsets given), skipping stopped people and nudges already in a
/// terminal state; plus any extra nudges a test adds.
/// </summary>
public sealed class FakePlanner : INudgePlanning
{
    public Duration First { get; set; } = Duration.FromDays(5);

    public Duration Second { get; set; } = Duration.FromDays(12);

    /// <summary>Extra nudges to plan for every user (digests in tests).</summary>
    public List<PlannedNudge> Extra { get; } = [];

    public int Calls { get; private set; }

    public IReadOnlyList<PlannedNudge> Plan(PlanningInput input)
    {
        Calls++;
        var zone = DateTimeZoneProviders.Tzdb[input.User.Settings.TimeZoneId];
        var terminal = input.History.Where(n => n.Status != NudgeStatus.Scheduled).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var people = input.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var plan = new List<PlannedNudge>();
        foreach (var ask in input.Asks.Where(a => a.IsAwaiting))
        {
            if (!people.TryGetValue(ask.PersonId, out var person) || person.Stopped)
            {
                continue;
            }

            foreach (var (step, offset) in new[] { (1, First), (2, Second) })
            {
                var id = NudgeIds.FollowUp(ask.Id, step);
                if (!terminal.Contains(id))
                {
                    var due = ask.SentAt + offset;
                    plan.Add(new PlannedNudge(id, NudgeKind.FollowUp, ask.PersonId, ask.Id, step, due, due.InZone(zone)));
                }
            }
        }

        plan.AddRange(Extra.Where(e => !terminal.Contains(e.NudgeId)));
        return plan;
    }
}

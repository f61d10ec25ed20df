using System.Globalization;
using MentorNudge.Core.Content.Emails;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content.Digest;

/// <summary>
/// Chooses the weekly digest's prompts: up to <c>MaxPrompts</c> people, least recently touched
/// first, weighted by role, never snoozed or stopped ones, each with a prompt kind that differs
/// from the one they got in the previous digest. Deterministic: the same input gives the same
/// digest. Previous digests are not stored with their content; they are replayed from their due
/// instant over the same data (up to <see cref="ReplayDepth"/> digests back), which is how the
/// picker knows who was prompted recently and with which kind.
/// </summary>
public static class WeeklyDigestPicker
{
    /// <summary>How many previous digests are replayed to know recent prompts.</summary>
    public const int ReplayDepth = 6;

    /// <summary>How many "losing touch" entries a digest lists at most.</summary>
    public const int MaxLosingTouch = 5;

    /// <summary>Builds the digest for the context's weekly-digest nudge.</summary>
    public static WeeklyDigest Pick(NudgeRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.User.Settings.Zone;
        // The digest's own due instant seeds the choice, so a retry at another instant renders the same prompts.
        var index = new PersonIndex(context);
        var picked = PickPrompts(context, index, zone, context.Nudge.Id, context.Nudge.DueAt, ReplayDepth);
        return new WeeklyDigest(
            WeekKey(context.Nudge.DueAt, zone),
            picked.Prompts,
            FollowUpsDue(context, zone),
            LosingTouch(context, index));
    }

    /// <summary>The ISO week of an instant in a zone, e.g. <c>2027-W13</c>.</summary>
    public static string WeekKey(Instant at, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var date = at.InZone(zone).Date;
        var rule = NodaTime.Calendars.WeekYearRules.Iso;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{rule.GetWeekYear(date)}-W{rule.GetWeekOfWeekYear(date):00}");
    }

    /// <summary>Role weight: sponsors and mentors come before peers at equal neglect.</summary>
    internal static double RoleWeight(PersonRole role) => role switch
    {
        PersonRole.Sponsor => 3.0,
        PersonRole.Mentor => 2.5,
        PersonRole.Teacher => 2.0,
        PersonRole.Peer => 1.0,
        _ => 1.0,
    };

    private sealed record Picked(IReadOnlyList<DigestPrompt> Prompts, IReadOnlyDictionary<string, Instant> LastPrompted);

    /// <summary>Asks and interactions grouped by person once, so replays stay linear in the data.</summary>
    private sealed class PersonIndex(NudgeRenderContext context)
    {
        public ILookup<string, Ask> Asks { get; } = context.Asks.ToLookup(a => a.PersonId, StringComparer.Ordinal);

        public ILookup<string, Interaction> Interactions { get; } = context.Interactions.ToLookup(i => i.PersonId, StringComparer.Ordinal);
    }

    private static Picked PickPrompts(NudgeRenderContext context, PersonIndex index, DateTimeZone zone, string digestId, Instant at, int depth)
    {
        var user = context.User;
        var weekKey = WeekKey(at, zone);

        // The digest before this one, replayed at its own due instant.
        var previous = context.History
            .Where(n => n.Kind == NudgeKind.WeeklyDigest && n.Status == NudgeStatus.Sent && n.Id != digestId && n.DueAt < at)
            .OrderByDescending(n => n.DueAt)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        var previousPicked = depth > 0 && previous is not null
            ? PickPrompts(context, index, zone, previous.Id, previous.DueAt, depth - 1)
            : new Picked([], new Dictionary<string, Instant>());
        var previousKinds = previousPicked.Prompts.ToDictionary(p => p.Person.Id, p => p.Kind, StringComparer.Ordinal);

        var max = Math.Clamp(user.Settings.WeeklyDigest.MaxPrompts, 0, 20);
        var ranked = context.People
            .DistinctBy(p => p.Id, StringComparer.Ordinal)
            .Where(p => p.CreatedAt <= at && !p.Stopped && !(p.SnoozedUntil > at))
            .Select(p =>
            {
                var lastTouch = LastTouch(index, p, at);
                if (previousPicked.LastPrompted.TryGetValue(p.Id, out var prompted) && prompted > lastTouch)
                {
                    lastTouch = prompted;
                }

                var days = Math.Max(0, (at - lastTouch).TotalDays);
                // +7 so that someone touched today still ranks by role against someone brand new.
                var score = (days + 7) * RoleWeight(p.Role);
                return (Person: p, Score: score, Tie: StableHash.Of(user.Id, p.Id, weekKey, "rank"));
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Tie)
            .ThenBy(x => x.Person.Id, StringComparer.Ordinal);

        var prompts = new List<DigestPrompt>();
        foreach (var candidate in ranked)
        {
            if (prompts.Count >= max)
            {
                break;
            }

            var prompt = PromptFor(context, index, candidate.Person, at, weekKey, previousKinds);
            if (prompt is not null)
            {
                prompts.Add(prompt);
            }
        }

        var lastPrompted = new Dictionary<string, Instant>(previousPicked.LastPrompted, StringComparer.Ordinal);
        foreach (var prompt in prompts)
        {
            lastPrompted[prompt.Person.Id] = at;
        }

        return new Picked(prompts, lastPrompted);
    }

    private static DigestPrompt? PromptFor(
        NudgeRenderContext context, PersonIndex index, Person person, Instant at, string weekKey, Dictionary<string, AddValuePromptKind> previousKinds)
    {
        var userId = context.User.Id;
        var links = person.Links.Select(SafeText.Link).OfType<Uri>().ToList();
        var interests = person.Interests.Select(i => SafeText.OneLine(i, 60)).Where(i => i.Length > 0).ToList();
        var hasOpenAsk = index.Asks[person.Id].Any(a => a.SentAt <= at && (a.AnsweredAt is null || a.AnsweredAt > at));
        var hasInteractions = index.Interactions[person.Id].Any(i => i.At <= at);
        var backOff = hasOpenAsk && AddValueBackOff.IsInBackOff(person, index.Asks[person.Id], context.History, at);

        var kinds = PromptCatalog.EligibleKinds(new PromptCatalog.PersonFacts(person.Connection, links.Count > 0, hasInteractions, hasOpenAsk))
            .Where(k => !previousKinds.TryGetValue(person.Id, out var last) || last != k)
            .ToList();
        if (kinds.Count == 0)
        {
            return null;
        }

        var kind = kinds[StableHash.Index(kinds.Count, userId, person.Id, weekKey, "kind")];
        var link = links.Count == 0 ? null : links[StableHash.Index(links.Count, userId, person.Id, weekKey, "link")];
        var interest = interests.Count == 0 ? null : interests[StableHash.Index(interests.Count, userId, person.Id, weekKey, "interest")];
        var usesLink = kind is AddValuePromptKind.CommentOnWork or AddValuePromptKind.AmplifyWork;
        var usesInterest = kind is AddValuePromptKind.ShareResource;
        var (title, suggestion) = PromptCatalog.Describe(kind, person.Name, usesLink ? link : null, usesInterest ? interest : null, hasOpenAsk || backOff);
        return new DigestPrompt(person, kind, title, suggestion, usesLink ? link : null, usesInterest ? interest : null, hasOpenAsk || backOff);
    }

    private static Instant LastTouch(PersonIndex index, Person person, Instant at)
    {
        var last = person.CreatedAt;
        foreach (var i in index.Interactions[person.Id])
        {
            if (i.At <= at && i.At > last)
            {
                last = i.At;
            }
        }

        foreach (var a in index.Asks[person.Id])
        {
            if (a.SentAt <= at && a.SentAt > last)
            {
                last = a.SentAt;
            }
        }

        return last;
    }

    private static List<DigestFollowUp> FollowUpsDue(NudgeRenderContext context, DateTimeZone zone)
    {
        var from = context.Now;
        var to = context.Now + Duration.FromDays(7);
        // First wins on a duplicate id: bad data must not stop the digest.
        var people = context.People.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var asks = context.Asks.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return context.Upcoming
            .Where(u => u.Kind == NudgeKind.FollowUp && u.DueAt >= from && u.DueAt < to && u.PersonId is not null)
            .Where(u => people.TryGetValue(u.PersonId!, out var p) && !p.Stopped)
            .OrderBy(u => u.DueAt)
            .ThenBy(u => u.NudgeId, StringComparer.Ordinal)
            .Select(u => new DigestFollowUp(
                people[u.PersonId!],
                u.AskId is not null && asks.TryGetValue(u.AskId, out var ask) ? ask : null,
                u.Step,
                u.DueAt.InZone(zone)))
            .ToList();
    }

    private static List<LosingTouchEntry> LosingTouch(NudgeRenderContext context, PersonIndex index)
    {
        var now = context.Now;
        return context.People
            .DistinctBy(p => p.Id, StringComparer.Ordinal)
            .Where(p => p.KeepInTouchEveryDays is > 0 && !p.Stopped && !(p.SnoozedUntil > now))
            .Select(p =>
            {
                var last = LastContact(index, p, now);
                return (Person: p, Last: last, Days: (int)Math.Floor((now - last).TotalDays));
            })
            .Where(x => x.Days > x.Person.KeepInTouchEveryDays)
            .OrderByDescending(x => (double)x.Days / x.Person.KeepInTouchEveryDays!.Value)
            .ThenBy(x => x.Person.Id, StringComparer.Ordinal)
            .Take(MaxLosingTouch)
            .Select(x => new LosingTouchEntry(x.Person, x.Last, x.Days))
            .ToList();
    }

    /// <summary>The last interaction, ask or reply with a person (or when they were added).</summary>
    internal static Instant LastContact(NudgeRenderContext context, Person person, Instant now) =>
        LastContact(new PersonIndex(context), person, now);

    private static Instant LastContact(PersonIndex index, Person person, Instant now)
    {
        var last = LastTouch(index, person, now);
        foreach (var a in index.Asks[person.Id])
        {
            if (a.AnsweredAt is { } answered && answered <= now && answered > last)
            {
                last = answered;
            }
        }

        return last;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MentorNudge.Cli.Hosting;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Cli.Demo;

/// <summary>
/// The demo: a sample user and five people, a few outreaches, then weeks of the real pipeline on a
/// virtual clock. It starts the same <see cref="LocalHost"/> as <c>serve --virtual-clock</c> and
/// talks to it over HTTP, exactly as a user would.
/// </summary>
public sealed class DemoScenario(TextWriter output)
{
    /// <summary>A Monday morning two weeks before the UK clocks change and four before Easter, so the run shows both.</summary>
    public static readonly Instant DefaultStart = Instant.FromUtc(2026, 3, 16, 9, 30);

    public const string TimeZoneId = "Europe/London";

    // A former boss, a colleague two levels up, a writer never met, a conference peer and a past teacher.
    private static readonly object[] SamplePeople =
    [
        new
        {
            name = "Priya Shah",
            emails = new[] { "priya@example.com" },
            connection = "existing",
            role = "mentor",
            interests = new[] { "engineering leadership", "hiring" },
            links = new[] { "https://example.com/priya/leading-without-authority" },
            notes = "My boss at my first job; taught me code review.",
        },
        new
        {
            name = "Daniel Okafor",
            emails = new[] { "daniel@example.com" },
            connection = "existing",
            role = "sponsor",
            interests = new[] { "platform strategy" },
            links = new[] { "https://example.com/daniel/platform-roadmap" },
            notes = "VP two levels up; decides on the platform team lead role.",
        },
        new
        {
            name = "Mei Lin",
            emails = new[] { "mei@example.com" },
            connection = "admired",
            role = "mentor",
            interests = new[] { "technical writing", "distributed systems" },
            links = new[] { "https://example.com/mei/blog" },
            notes = "Writes the distributed-systems newsletter I read every week; we have never met.",
        },
        new
        {
            name = "Tomás Rivera",
            emails = new[] { "tomas@example.com" },
            connection = "existing",
            role = "peer",
            interests = new[] { "observability" },
            links = new[] { "https://example.com/tomas/talk" },
            notes = "Met at a conference; great talk on tracing.",
            keepInTouchEveryDays = 21,
        },
        new
        {
            name = "Helen Carter",
            emails = new[] { "helen@example.com" },
            connection = "existing",
            role = "teacher",
            interests = new[] { "computer science education" },
            links = Array.Empty<string>(),
            notes = "My university algorithms lecturer.",
        },
    ];

    private readonly List<TimelineEntry> _timeline = [];
    private readonly Dictionary<string, string> _names = [];

    public async Task<DemoResult> RunAsync(int weeks, string outbox, Instant? start, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var zone = DateTimeZoneProviders.Tzdb[TimeZoneId];
        var t0 = start ?? DefaultStart;
        var outboxFolder = Path.GetFullPath(outbox);
        var data = Directory.CreateTempSubdirectory("mentornudge-demo-");
        try
        {
            await output.WriteLineAsync("Starting the service (Azurite in memory, outbox, virtual clock) …").ConfigureAwait(false);
            var options = new ServeOptions(
                Port: 0,
                DataFolder: data.FullName,
                Outbox: outboxFolder,
                AdminKey: "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                VirtualClock: true,
                Start: t0,
                EmailProvider: "outbox",
                InMemoryStorage: true,
                Quiet: true);
            await using var host = await LocalHost.StartAsync(options, output, cancellationToken).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "api/v1/"), Timeout = TimeSpan.FromMinutes(10) };
            var api = new DemoApiClient(http, host.AdminKey);

            await output.WriteLineAsync($"Virtual clock starts {Describe(t0, zone)}.").ConfigureAwait(false);
            var coachCodes = await SetUpAsync(api, t0, cancellationToken).ConfigureAwait(false);

            var target = t0;
            for (var week = 1; week <= weeks; week++)
            {
                var weekStart = target;
                target = t0 + Duration.FromDays(7 * week);
                if (week == 1)
                {
                    // Priya answers on Thursday: her pending follow-ups are cancelled at once.
                    var reply = t0 + Duration.FromDays(3) + Duration.FromHours(5);
                    await AdvanceAsync(api, reply, cancellationToken).ConfigureAwait(false);
                    await api.PostAsync($"people/{Id("Priya Shah")}/replies", new { receivedAt = Format(reply) }, cancellationToken).ConfigureAwait(false);
                    _timeline.Add(new TimelineEntry(reply, "reply", "Priya Shah", "She replied; her follow-up reminders are cancelled"));
                }

                var sent = await AdvanceAsync(api, target, cancellationToken).ConfigureAwait(false);
                var weekly = host.SentMail.Since(0).Where(m => m.At > weekStart && m.At <= target).ToList();
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  week {week}/{weeks} (to {target.InZone(zone).Date:ddd d MMM}): {weekly.Count} email(s){(weekly.Count > 0 ? " — " + string.Join(", ", weekly.GroupBy(m => m.Kind ?? "email").Select(g => $"{g.Count()} {g.Key}")) : "")}")).ConfigureAwait(false);
                _ = sent;
            }

            await CollectNudgesAsync(api, host, cancellationToken).ConfigureAwait(false);
            var ordered = _timeline.OrderBy(e => e.At).ToList();
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"Timeline ({TimeZoneId}):").ConfigureAwait(false);
            await output.WriteLineAsync(TimelineTable.Format(ordered, zone)).ConfigureAwait(false);
            var emails = host.SentMail.Since(0).Count;
            await output.WriteLineAsync($"{emails} emails are in {outboxFolder} — open {Path.Combine(outboxFolder, "index.html")} to read them.").ConfigureAwait(false);
            return new DemoResult(ordered, emails, outboxFolder, coachCodes);
        }
        finally
        {
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private async Task<IReadOnlyList<string>> SetUpAsync(DemoApiClient api, Instant t0, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Creating the sample user Alex (Europe/London, GB) and five people …").ConfigureAwait(false);
        var user = await api.AdminPostAsync(
            "admin/users",
            new { email = "alex@example.com", displayName = "Alex Morgan", timeZone = TimeZoneId, country = "GB" },
            cancellationToken).ConfigureAwait(false);
        api.SignIn(DemoApiClient.Field(user, "token") ?? throw new DemoException("POST /api/v1/admin/users did not return a token."));

        foreach (var person in SamplePeople)
        {
            await AddPersonAsync(api, person, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Logging three outreaches …").ConfigureAwait(false);
        await LogOutreachAsync(api, "Priya Shah", t0 - Duration.FromHours(1),
            "A question about your first 90 days as a lead",
            "Hi Priya, I'm about to take on my first team-lead role and keep coming back to how you ran our code reviews. Could I ask you two questions about your first 90 days as a lead, on a 20-minute call next Thursday or Friday? Happy to fit around you.",
            cancellationToken).ConfigureAwait(false);
        await LogOutreachAsync(api, "Daniel Okafor", t0 - Duration.FromMinutes(30),
            "Platform lead role: what would make a candidate stand out?",
            "Hi Daniel, thanks for the platform roadmap talk last week; the section on paved roads changed how I plan our migrations. I'd like to be considered for the platform lead role. Would you have 15 minutes before the end of the month to tell me what would make a candidate stand out?",
            cancellationToken).ConfigureAwait(false);
        var feedback = await LogOutreachAsync(api, "Mei Lin", t0,
            "Mentorship",
            "Hi, will you be my mentor?",
            cancellationToken).ConfigureAwait(false);

        var codes = new List<string>();
        await output.WriteLineAsync("The coach on the ask to Mei Lin (\"Hi, will you be my mentor?\"):").ConfigureAwait(false);
        if (feedback is null)
        {
            await output.WriteLineAsync("  (no coach feedback in the answer)").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"  score {DemoApiClient.Field(feedback, "score")}/100").ConfigureAwait(false);
            foreach (var finding in DemoApiClient.Items(feedback["findings"] ?? new JsonArray()))
            {
                var code = DemoApiClient.Field(finding, "code") ?? "?";
                codes.Add(code);
                await output.WriteLineAsync($"  - {code}: {DemoApiClient.Field(finding, "message")}").ConfigureAwait(false);
                if (DemoApiClient.Field(finding, "suggestion") is { Length: > 0 } suggestion)
                {
                    await output.WriteLineAsync($"      try: {suggestion}").ConfigureAwait(false);
                }
            }

            if (DemoApiClient.Field(feedback, "rewrite") is { Length: > 0 } rewrite)
            {
                await output.WriteLineAsync($"  suggested rewrite: {rewrite}").ConfigureAwait(false);
            }
        }

        await api.PostAsync($"people/{Id("Tomás Rivera")}/interactions", new { kind = "share", at = Format(t0), note = "Sent the tracing paper he asked about." }, cancellationToken).ConfigureAwait(false);
        _timeline.Add(new TimelineEntry(t0, "interaction", "Tomás Rivera", "Shared a resource (adding value first)"));
        await output.WriteLineAsync($"Running {(_names.Count > 0 ? "the dispatcher and queue workers" : "")} through the weeks …").ConfigureAwait(false);
        return codes;
    }

    private async Task AddPersonAsync(DemoApiClient api, object person, CancellationToken cancellationToken)
    {
        var created = await api.PostAsync("people", person, cancellationToken).ConfigureAwait(false);
        var id = DemoApiClient.Field(created, "id", "personId") ?? throw new DemoException("POST /api/v1/people did not return an id.");
        var name = DemoApiClient.Field(created, "name") ?? id;
        _names[id] = name;
    }

    private async Task<JsonNode?> LogOutreachAsync(DemoApiClient api, string name, Instant sentAt, string subject, string text, CancellationToken cancellationToken)
    {
        var answer = await api.PostAsync($"people/{Id(name)}/outreach", new { sentAt = Format(sentAt), channel = "email", subject, text }, cancellationToken).ConfigureAwait(false);
        _timeline.Add(new TimelineEntry(sentAt, "outreach", name, $"You wrote: \"{subject}\""));
        return FindFeedback(answer);
    }

    /// <summary>The coach feedback object of an outreach answer, wherever the API puts it.</summary>
    private static JsonNode? FindFeedback(JsonNode? node) => node switch
    {
        JsonObject obj when obj["findings"] is JsonArray => obj,
        JsonObject obj => obj.Select(p => FindFeedback(p.Value)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static async Task<JsonNode> AdvanceAsync(DemoApiClient api, Instant to, CancellationToken cancellationToken) =>
        await api.AdminPostAsync("admin/clock", new { setTo = Format(to) }, cancellationToken).ConfigureAwait(false);

    private async Task CollectNudgesAsync(DemoApiClient api, LocalHost host, CancellationToken cancellationToken)
    {
        var subjects = host.SentMail.Since(0).Where(m => m.NudgeId is not null).GroupBy(m => m.NudgeId!).ToDictionary(g => g.Key, g => g.First().Subject);
        var history = await api.GetAsync("nudges", cancellationToken).ConfigureAwait(false);
        foreach (var nudge in DemoApiClient.Items(history))
        {
            var status = DemoApiClient.Field(nudge, "status") ?? "?";
            var at = DemoApiClient.Field(nudge, "sentAt") is { } sentAt && ParseInstant(sentAt) is { } s
                ? s
                : ParseInstant(DemoApiClient.Field(nudge, "dueAt") ?? "") ?? Instant.MinValue;
            var person = DemoApiClient.Field(nudge, "personId") is { } personId && _names.TryGetValue(personId, out var n) ? n : null;
            var nudgeId = DemoApiClient.Field(nudge, "nudgeId", "id") ?? "";
            var what = status == "sent" && subjects.TryGetValue(nudgeId, out var subject)
                ? $"Email: \"{subject}\""
                : status + (DemoApiClient.Field(nudge, "reason") is { Length: > 0 } reason ? $" ({reason})" : "");
            _timeline.Add(new TimelineEntry(at, DemoApiClient.Field(nudge, "kind") ?? "nudge", person, what));
        }
    }

    private string Id(string name) => _names.First(p => p.Value == name).Key;

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Instant? ParseInstant(string text) => Time.ClockTarget.ParseInstant(text);

    private static string Describe(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("dddd d MMMM yyyy HH:mm x", CultureInfo.InvariantCulture);
}

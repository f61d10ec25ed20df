using System.Globalization;
using System.Security.Cryptography;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Cli.Commands;
using MentorNudge.Cli.Hosting;
using MentorNudge.Cli.Time;
using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MentorNudge.Cli.Demo;

/// <summary>
/// The demo: a sample user and five people, a few outreaches, then weeks of the real pipeline on a
/// virtual clock. It starts the same <see cref="LocalHost"/> as <c>serve --virtual-clock</c> and
/// calls the same use cases the API calls, and the same clock advancer as
/// <c>POST /api/v1/admin/clock</c>.
/// </summary>
public sealed class DemoScenario(TextWriter output)
{
    /// <summary>A Monday morning two weeks before the UK clocks change and three before Easter, so the run shows both.</summary>
    public static readonly Instant DefaultStart = Instant.FromUtc(2026, 3, 16, 9, 30);

    public const string TimeZoneId = "Europe/London";

    // A former boss, a colleague two levels up, a writer never met, a conference peer and a past teacher.
    private static readonly PersonDraft[] SamplePeople =
    [
        new("Priya Shah", ["priya@example.com"], Connection.Existing, PersonRole.Mentor, ["engineering leadership", "hiring"],
            ["https://example.com/priya/leading-without-authority"], "My boss at my first job; taught me code review."),
        new("Daniel Okafor", ["daniel@example.com"], Connection.Existing, PersonRole.Sponsor, ["platform strategy"],
            ["https://example.com/daniel/platform-roadmap"], "VP two levels up; decides on the platform lead role."),
        new("Mei Lin", ["mei@example.com"], Connection.Admired, PersonRole.Mentor, ["technical writing", "distributed systems"],
            ["https://example.com/mei/newsletter"], "Writes the distributed-systems newsletter I read every week; we have never met."),
        new("Tomás Rivera", ["tomas@example.com"], Connection.Existing, PersonRole.Peer, ["observability"],
            ["https://example.com/tomas/tracing-talk"], "Met at a conference; great talk on tracing.", KeepInTouchEveryDays: 21),
        new("Helen Carter", ["helen@example.com"], Connection.Existing, PersonRole.Teacher, ["computer science education"],
            [], "My university algorithms lecturer."),
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
            await output.WriteLineAsync("Starting the service: Azurite (in memory), dispatcher, queue workers, outbox, virtual clock …").ConfigureAwait(false);
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
            var services = host.App.Services;
            var advancer = host.App.Services.GetRequiredService<ClockAdvancer>();
            await output.WriteLineAsync($"The virtual clock starts on {Describe(t0, zone)}.").ConfigureAwait(false);

            var (userId, coachCodes) = await SetUpAsync(services, t0, cancellationToken).ConfigureAwait(false);

            await output.WriteLineAsync($"Running {weeks} weeks of the pipeline …").ConfigureAwait(false);
            var target = t0;
            for (var week = 1; week <= weeks; week++)
            {
                target = t0 + Duration.FromDays(7 * week);
                if (week == 1)
                {
                    // Priya answers on Thursday afternoon: her pending follow-ups are cancelled at once.
                    var reply = t0 + Duration.FromDays(3) + Duration.FromHours(5);
                    await advancer.AdvanceToAsync(reply, cancellationToken).ConfigureAwait(false);
                    var result = await services.GetRequiredService<Interactions>().LogReplyAsync(userId, Id("Priya Shah"), reply, cancellationToken).ConfigureAwait(false);
                    _timeline.Add(new TimelineEntry(reply, "reply", "Priya Shah", $"She replied: {result.CancelledFollowUps} pending follow-up(s) cancelled"));
                }

                var advance = await advancer.AdvanceToAsync(target, cancellationToken).ConfigureAwait(false);
                var sent = host.SentMail.Since(0).Where(m => m.At > target - Duration.FromDays(7) && m.At <= target).ToList();
                var kinds = string.Join(", ", sent.GroupBy(m => m.Kind ?? "email").Select(g => $"{g.Count()} {g.Key}"));
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  week {week}/{weeks}, to {target.InZone(zone).Date:ddd d MMM}: {sent.Count} email(s){(sent.Count > 0 ? " (" + kinds + ")" : "")}")).ConfigureAwait(false);
                _ = advance;
            }

            await CollectNudgesAsync(services, host, userId, cancellationToken).ConfigureAwait(false);
            var ordered = _timeline.OrderBy(e => e.At).ToList();
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"Timeline ({TimeZoneId}):").ConfigureAwait(false);
            await output.WriteLineAsync(TimelineTable.Format(ordered, zone)).ConfigureAwait(false);
            var emails = host.SentMail.Since(0).Count;
            await output.WriteLineAsync($"{emails} emails are in {outboxFolder}").ConfigureAwait(false);
            await output.WriteLineAsync($"Open {Path.Combine(outboxFolder, "index.html")} in a browser to read them.").ConfigureAwait(false);
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

    private async Task<(string UserId, IReadOnlyList<string> CoachCodes)> SetUpAsync(IServiceProvider services, Instant t0, CancellationToken cancellationToken)
    {
        var outreach = services.GetRequiredService<Outreach>();
        await output.WriteLineAsync("Creating the sample user Alex Morgan (Europe/London, GB) and five people …").ConfigureAwait(false);
        var user = await services.GetRequiredService<Users>().CreateAsync("alex@example.com", UserSettings.CreateDefault(TimeZoneId, "GB"), "Alex Morgan", cancellationToken).ConfigureAwait(false);
        foreach (var draft in SamplePeople)
        {
            var person = await services.GetRequiredService<People>().AddAsync(user.UserId, draft, cancellationToken).ConfigureAwait(false);
            _names[person.Id] = person.Name;
            await output.WriteLineAsync($"  {person.Name,-14} {draft.Connection.ToString().ToLowerInvariant(),-9} {draft.Role.ToString().ToLowerInvariant()}").ConfigureAwait(false);
        }

        await services.GetRequiredService<Interactions>().LogAsync(user.UserId, Id("Tomás Rivera"), InteractionKind.Share, t0 - Duration.FromDays(2), "Sent him the tracing paper he asked about.", cancellationToken).ConfigureAwait(false);
        _timeline.Add(new TimelineEntry(t0 - Duration.FromDays(2), "interaction", "Tomás Rivera", "You shared a resource (adding value first)"));

        await output.WriteLineAsync("Logging three outreaches …").ConfigureAwait(false);
        await LogOutreachAsync(outreach, user.UserId, "Priya Shah", t0 - Duration.FromHours(1),
            "A question about your first 90 days as a lead",
            "Hi Priya, I'm about to take on my first team-lead role and keep coming back to how you ran our code reviews. Could I ask you two questions about your first 90 days as a lead, on a 20-minute call next Thursday or Friday? Happy to fit around you.",
            cancellationToken).ConfigureAwait(false);
        await LogOutreachAsync(outreach, user.UserId, "Daniel Okafor", t0 - Duration.FromMinutes(30),
            "Platform lead role: what would make a candidate stand out?",
            "Hi Daniel, thanks for the platform roadmap talk last week; the section on paved roads changed how I plan our migrations. I'd like to be considered for the platform lead role. Would you have 15 minutes before the end of the month to tell me what would make a candidate stand out?",
            cancellationToken).ConfigureAwait(false);
        const string GenericAsk = "Hi, will you be my mentor?";
        var feedback = await LogOutreachAsync(outreach, user.UserId, "Mei Lin", t0, "Mentorship", GenericAsk, cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync($"The coach on the ask to Mei Lin (\"{GenericAsk}\"):").ConfigureAwait(false);
        await output.WriteLineAsync("  " + CoachCommand.Describe(feedback, GenericAsk).Replace(Environment.NewLine, Environment.NewLine + "  ", StringComparison.Ordinal)).ConfigureAwait(false);
        return (user.UserId, feedback.Findings.Select(f => f.Code).ToList());
    }

    private async Task<CoachFeedback> LogOutreachAsync(Outreach outreach, string userId, string name, Instant sentAt, string subject, string text, CancellationToken cancellationToken)
    {
        // The same use case as the API's: it logs the ask and coaches its text in one go.
        var result = await outreach.LogAsync(userId, Id(name), new OutreachDraft(sentAt, "email", subject, text), cancellationToken).ConfigureAwait(false);
        _timeline.Add(new TimelineEntry(sentAt, "outreach", name, $"You wrote \"{subject}\"; {result.FollowUps.Count} follow-up(s) scheduled"));
        return result.Coach!;
    }

    private async Task CollectNudgesAsync(IServiceProvider services, LocalHost host, string userId, CancellationToken cancellationToken)
    {
        var subjects = host.SentMail.Since(0).Where(m => m.NudgeId is not null).GroupBy(m => m.NudgeId!).ToDictionary(g => g.Key, g => g.First().Subject);
        foreach (var nudge in await services.GetRequiredService<Schedule>().HistoryAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            var person = nudge.PersonId is { } id && _names.TryGetValue(id, out var name) ? name : null;
            var what = nudge.Status == NudgeStatus.Sent && subjects.TryGetValue(nudge.NudgeId, out var subject)
                ? $"Email: \"{subject}\""
                : nudge.Status.ToString().ToLowerInvariant() + (nudge.Reason is { Length: > 0 } reason ? $" ({reason})" : "");
            _timeline.Add(new TimelineEntry(nudge.SentAt ?? nudge.DueAt, Kind(nudge.Kind), person, what));
        }
    }

    private static string Kind(NudgeKind kind) => kind switch
    {
        NudgeKind.FollowUp => "followUp",
        NudgeKind.WeeklyDigest => "weeklyDigest",
        _ => "keepInTouch",
    };

    private string Id(string name) => _names.First(p => p.Value == name).Key;

    private static string Describe(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("dddd d MMMM yyyy, HH:mm x", CultureInfo.InvariantCulture);
}

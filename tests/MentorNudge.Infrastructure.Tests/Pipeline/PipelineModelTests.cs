// Longer than ~300 lines on purpose: the operations, the host loop they run on and the invariants
// checked after every step are one model and read best together.
using System.Globalization;
using CsCheck;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tests.Storage;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;
using Xunit.Abstractions;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>
/// Issue 13: random sequences of user operations, clock moves and crashes over the application
/// service, the real planner and the real storage code on Azurite, with the system's invariants
/// checked after every step. A failure prints the shrunk (minimal) sequence and its seed.
/// CI runs a fixed seed and a few short sequences; <c>MENTORNUDGE_MODEL_SEQUENCES</c>,
/// <c>MENTORNUDGE_MODEL_LENGTH</c> and <c>MENTORNUDGE_MODEL_SEED</c> run it long (docs/operations.md).
/// </summary>
[Trait("Category", "ModelBased")]
[Collection(AzuriteCollection.Name)]
public sealed class PipelineModelTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 7, 0); // Monday; DST changes on 8 and 29 March
    private static readonly string[] Zones = ["Etc/UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney"];
    private static readonly string[] Countries = ["GB", "US", "JP", "DE"];
    private static readonly IsoDayOfWeek[][] WeekShapes =
    [
        [.. UserSettings.DefaultWorkDays],
        [IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday],
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday],
        [IsoDayOfWeek.Tuesday, IsoDayOfWeek.Thursday],
    ];

    private static readonly Duration[] Moves =
    [
        Duration.FromMinutes(1), Duration.FromMinutes(17), Duration.FromHours(1), Duration.FromHours(7),
        Duration.FromDays(1), Duration.FromDays(3), Duration.FromDays(7), Duration.FromDays(15),
    ];

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 3], (u, k) => (Op)new AddPerson(u, k == 0 ? 14 : null))),
        (4, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], Gen.Int[0, 6], (u, p, back) => (Op)new Outreach(u, p, back))),
        (2, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], (u, p) => (Op)new Reply(u, p))),
        (2, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], (u, p) => (Op)new Interact(u, p))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], (u, p) => (Op)new Stop(u, p))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], Gen.Int[1, 9], (u, p, d) => (Op)new Snooze(u, p, d))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], (u, p) => (Op)new Delete(u, p))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], Gen.Int[0, 3], (u, p, k) => (Op)new UpdatePerson(u, p, k == 0 ? 10 : null))),
        (3, Gen.Select(Gen.Int[0, 1], Gen.Int[0, Zones.Length - 1], Gen.Int[1, 7], Gen.Int[0, 23], Gen.Int[0, 5], (u, z, d, h, flags) =>
            (Op)new Settings(u, Zones[z], (IsoDayOfWeek)d, h, Enabled: flags != 0, VacationDays: flags == 1 ? 3 + h % 8 : null))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, Countries.Length - 1], Gen.Int[0, WeekShapes.Length - 1], Gen.Int[6, 20], (u, c, w, h) =>
            (Op)new Calendar(u, Countries[c], w, h))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Bool, (u, on) => (Op)new Webhook(u, on))),
        (1, Gen.Int[0, 1].Select(u => (Op)new Unsubscribe(u))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 9], (u, p) => (Op)new OutOfOffice(u, p))),
        (1, Gen.Int[0, 1].Select(u => (Op)new Bounce(u))),
        (5, Gen.Int[0, Moves.Length - 1].Select(i => (Op)new Advance(Moves[i]))),
        (1, Gen.Int[1, 60].Select(n => (Op)new Crash(n))));

    [Fact]
    public void Pipeline_RandomOperationsAndCrashes_InvariantsHoldAfterEveryStep()
    {
        var sequences = Setting("MENTORNUDGE_MODEL_SEQUENCES", 10);
        var length = Setting("MENTORNUDGE_MODEL_LENGTH", 40);
        var seed = Environment.GetEnvironmentVariable("MENTORNUDGE_MODEL_SEED");
        var random = !string.IsNullOrEmpty(seed) || Environment.GetEnvironmentVariable("MENTORNUDGE_MODEL_LENGTH") is not null;
        var gen = GenOp.Array[length / 2, length];
        if (random)
        {
            // Long mode: random seeds (or the one given), and CsCheck shrinks a failure to a minimal sequence.
            gen.Sample(Run, seed: string.IsNullOrEmpty(seed) ? null : seed, iter: sequences, threads: 1, print: Print);
        }
        else
        {
            // CI: the same sequences every run, each from its own fixed seed (CsCheck fixes only the
            // first sample of a seeded run, so one seed with several iterations would not repeat).
            for (var i = 0; i < sequences; i++)
            {
                gen.Sample(Run, seed: FixedSeed(i), iter: 1, threads: 1, print: Print);
            }
        }

        output.WriteLine($"{Interlocked.Read(ref stepsRun)} steps in {sequences} sequences, every invariant held after each");

        void Run(Op[] ops) => RunAsync(ops).GetAwaiter().GetResult();
        static string Print(Op[] ops) => string.Join(Environment.NewLine, ops.Select(o => o.ToString()));
    }

    /// <summary>
    /// Found by this test: a digest moved to a later hour of a day that already had one was
    /// planned on that day again, took the sent digest's id and was dropped, leaving none at all.
    /// </summary>
    [Fact]
    public async Task Pipeline_DigestMovedLaterOnADayThatHadOne_NextWeekIsScheduled()
    {
        await RunAsync([
            new AddPerson(1, null), new Stop(0, 2), new Advance(Duration.FromDays(7)), new Stop(0, 2), new Bounce(0),
            new AddPerson(1, null), new Advance(Duration.FromDays(15)), new Advance(Duration.FromHours(7)), new Delete(1, 1),
            new Settings(1, "America/New_York", IsoDayOfWeek.Monday, 11, true, null),
        ]);
    }

    /// <summary>
    /// Found by this test: a digest day moved twice after its new day had passed planned a
    /// collapsed (due-now) digest each time, and the first, being overdue, was not withdrawn by
    /// the second re-plan, so two digests were scheduled and both would have gone out.
    /// </summary>
    [Fact]
    public async Task Pipeline_DigestDayMovedTwiceToPastDays_OneDigestIsScheduled()
    {
        await RunAsync([
            new Advance(Duration.FromDays(7)), new Advance(Duration.FromDays(3)),
            new Settings(0, "Europe/London", IsoDayOfWeek.Tuesday, 9, true, null),
            new Settings(0, "Europe/London", IsoDayOfWeek.Wednesday, 9, true, null),
            new Advance(Duration.FromMinutes(1)),
        ]);
    }

    /// <summary>
    /// Found by this test: a crash after a send committed the next digest's row but before its
    /// due-index row was written left a Scheduled digest that no tick or sweep would ever find
    /// (only the daily reconcile could). Index rows are now written before the commit.
    /// </summary>
    [Fact]
    public async Task Pipeline_CrashBetweenNudgeRowAndIndexRow_NudgeIsStillIndexed()
    {
        await RunAsync([new Crash(31)]);
    }

    /// <summary>
    /// Found by this test: a crash while the first digest was claimed left it to one delayed queue
    /// message (the sweep's), which a virtual clock never reaches; the digest stayed Scheduled for
    /// good. Now it is sent once its lease is over, and the settings changed meanwhile plan the next.
    /// </summary>
    [Fact]
    public async Task Pipeline_CrashWhileDigestClaimed_DigestSentOnceTheLeaseIsOver()
    {
        await RunAsync([
            new Crash(15), new Advance(Duration.FromMinutes(1)),
            new Settings(0, "America/New_York", IsoDayOfWeek.Tuesday, 15, true, null),
            new Advance(Duration.FromMinutes(17)),
        ]);
    }

    /// <summary>The CI run's seeds: the same sequences every time.</summary>
    private static string FixedSeed(int sequence) => new PCG(13, 2026 + (ulong)sequence).ToString();

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var v) ? v : fallback;

    private async Task RunAsync(Op[] ops)
    {
        var world = new World(new PipelineHarness(azurite, Start, realEngine: true));
        foreach (var zone in new[] { "Europe/London", "America/New_York" })
        {
            var created = await world.H.Users.CreateAsync($"u{world.Users.Count}@example.com", PipelineHarness.Settings(zone, zone == "Europe/London" ? "GB" : "US"));
            world.Users.Add(created.UserId);
            world.People[created.UserId] = [];
        }

        for (var step = 0; step < ops.Length; step++)
        {
            await ApplyAsync(world, ops[step]);
            await CheckAsync(world, drained: ops[step] is Advance or Crash, $"after step {step + 1} ({ops[step]})");
        }

        Interlocked.Add(ref stepsRun, ops.Length);
    }

    /// <summary>Steps run (reported at the end, so a long run says how much it covered).</summary>
    private long stepsRun;

    private static async Task ApplyAsync(World w, Op op, bool tracked = true)
    {
        var h = w.H;
        var now = w.H.Now;
        switch (op)
        {
            case AddPerson a:
                var person = await h.People.AddAsync(w.Users[a.U], new PersonDraft("Person", ["p@example.com"], KeepInTouchEveryDays: a.KeepInTouch));
                w.People[w.Users[a.U]].Add(person.Id);
                break;
            case PersonOp p when w.Person(p) is null:
                break; // nobody to act on
            case PersonOp p when tracked && w.Displaced.TryGetValue(w.Users[p.U], out var displaced):
                // An act on the person moves their reminders for its own reasons: stop tracking them.
                foreach (var id in displaced.Ids.Where(d => d.Value == w.Person(p)).Select(d => d.Key).ToList())
                {
                    displaced.Ids.Remove(id);
                }

                await ApplyAsync(w, op, tracked: false);
                return;
            case Outreach o:
                await h.Outreach.LogAsync(w.Users[o.U], w.Person(o)!, new OutreachDraft(SentAt: now - Duration.FromDays(o.BackdateDays), Text: "Could we talk for 15 minutes about X?"));
                break;
            case Reply r:
                await IgnoreMissingAskAsync(() => h.Interactions.LogReplyAsync(w.Users[r.U], w.Person(r)!));
                break;
            case Interact i:
                await h.Interactions.LogAsync(w.Users[i.U], w.Person(i)!, InteractionKind.Comment);
                w.Interactions[w.Person(i)!] = now;
                break;
            case Stop st:
                await h.People.StopAsync(w.Users[st.U], w.Person(st)!);
                w.Stopped.TryAdd(w.Person(st)!, now);
                break;
            case Snooze sn:
                await h.People.SnoozeAsync(w.Users[sn.U], w.Person(sn)!, now + Duration.FromDays(sn.Days));
                break;
            case Delete d:
                await h.People.DeleteAsync(w.Users[d.U], w.Person(d)!);
                w.People[w.Users[d.U]].Remove(w.Person(d)!);
                break;
            case UpdatePerson up:
                await h.People.UpdateAsync(w.Users[up.U], w.Person(up)!, new PersonDraft("Person", ["p@example.com"], KeepInTouchEveryDays: up.KeepInTouch));
                break;
            case Settings set:
                var user = await h.Users.GetAsync(w.Users[set.U]);
                var zone = DateTimeZoneProviders.Tzdb[set.Zone];
                var settings = user.Settings with
                {
                    TimeZoneId = set.Zone,
                    WeeklyDigest = user.Settings.WeeklyDigest with { Day = set.DigestDay, Time = new LocalTime(set.DigestHour, 0), Enabled = set.Enabled },
                    VacationUntil = set.VacationDays is { } days ? now.InZone(zone).Date.PlusDays(days) : null,
                };
                w.Displaced.Remove(user.Id);
                if (settings.VacationUntil is { } until && user.Settings.TimeZoneId == set.Zone)
                {
                    // (Only when the zone stays: a new zone moves every reminder's own date first.)
                    // The reminders a vacation displaces: every scheduled one due on a local date up to its
                    // end, except a follow-up whose earlier step is pending too (it chains from that step's
                    // new date, docs/time-rules.md, rather than being displaced itself).
                    var before = await h.Data.LoadAsync(user.Id);
                    var pending = before.Nudges.Values.Where(n => n.Nudge.Status == NudgeStatus.Scheduled).ToList();
                    w.Displaced[user.Id] = (until, pending
                        .Where(n => n.Nudge.Kind != NudgeKind.WeeklyDigest && n.Nudge.DueAt.InZone(zone).Date <= until)
                        .Where(n => n.Nudge.Kind != NudgeKind.FollowUp || !pending.Any(o => o.Nudge.AskId == n.Nudge.AskId && o.Nudge.Step < n.Nudge.Step))
                        .ToDictionary(n => n.Id, n => n.Nudge.PersonId, StringComparer.Ordinal));
                }

                await h.Users.UpdateAsync(user.Id, user.Email, settings);
                break;
            case Calendar cal:
                var current = await h.Users.GetAsync(w.Users[cal.U]);
                await h.Users.UpdateAsync(current.Id, current.Email, current.Settings with
                {
                    Country = cal.Country,
                    WorkDays = WeekShapes[cal.WeekShape],
                    ReminderTime = new LocalTime(cal.ReminderHour, 30),
                });
                break;
            case Webhook hook:
                var owner = await h.Users.GetAsync(w.Users[hook.U]);
                var webhook = hook.On ? new WebhookSettings(new Uri("https://hooks.example.com/mentornudge"), WebhookFormat.Generic, "model-test-webhook-secret-0123456789") : null;
                await h.Users.UpdateAsync(owner.Id, owner.Email, owner.Settings with { Webhook = webhook }, unsubscribed: hook.On ? null : false);
                break;
            case Unsubscribe un:
                await h.Users.UnsubscribeAsync(w.Users[un.U]);
                break;
            case OutOfOffice ooo:
                await h.Interactions.LogOutOfOfficeAsync(w.Users[ooo.U], w.Person(ooo)!, "I am out of the office until next week.");
                break;
            case Bounce b:
                // The provider reports the user's last email bounced: the address is undeliverable.
                if (h.Email.Attempts.LastOrDefault(m => m.To == $"u{b.U}@example.com") is { } last)
                {
                    await h.DeliveryReports.RecordAsync("op-" + last.MessageKey, last.To, "Bounced");
                }

                break;
            case Advance adv:
                await AdvanceAsync(w.H, now + adv.By);
                break;
            case Crash c:
                // Crash at the c.AtRequest-th storage request of a one-day advance, then restart on the same storage.
                var requests = 0;
                var target = now + Duration.FromDays(1);
                w.H.Faults.Crash((_, _) => Interlocked.Increment(ref requests) == c.AtRequest);
                try
                {
                    await AdvanceAsync(w.H, target);
                }
                catch (Exception e) when (e is InjectedCrashException || e.InnerException is InjectedCrashException)
                {
                    // Whatever was sent but not recorded may be sent again with the same key (the provider dedupes).
                    w.MayRepeat.UnionWith(w.H.Email.Attempts.Select(m => m.MessageKey));
                }

                // The restarted host finishes the advance; a restart takes a while, so it is back a
                // minute after the crash at the earliest (messages the dead process held are then
                // still invisible: the sweep and the dispatcher must find their nudges).
                w.H = new PipelineHarness(w.Azurite, realEngine: true, restartOf: w.H);
                await AdvanceAsync(w.H, Instant.Max(target, w.H.Now + Duration.FromMinutes(1)));
                break;
        }
    }

    private static async Task IgnoreMissingAskAsync(Func<Task> reply)
    {
        try
        {
            await reply();
        }
        catch (ValidationFailedException)
        {
            // No outreach to answer: a valid refusal, nothing written.
        }
        catch (NotFoundException)
        {
        }
    }

    /// <summary>The virtual-clock host's advance: stop at each due instant, dispatch, drain; then sweep and drain.</summary>
    private static async Task AdvanceAsync(PipelineHarness h, Instant target)
    {
        await RunDueAsync(h);
        while (true)
        {
            var rows = await h.Index.ReadAsync(h.Now, target);
            var stop = rows.Count == 0 ? target : Instant.Min(rows.Min(r => r.At), target);
            h.Clock.Reset(stop);
            await RunDueAsync(h);
            if (stop == target)
            {
                break;
            }
        }

        if (await h.Sweep.SweepAsync(h.Now, Duration.Zero) > 0)
        {
            await RunDueAsync(h);
        }
    }

    private static async Task RunDueAsync(PipelineHarness h)
    {
        for (var round = 0; round < 20; round++)
        {
            await h.Dispatcher.DispatchDueAsync(h.Now);
            var handled = 0;
            while (true)
            {
                var batch = (await h.Clients.NudgeQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(2))).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var m in batch)
                {
                    await h.Sender.ProcessAsync(m.Body.ToString());
                    await h.Clients.NudgeQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                    handled++;
                }
            }

            if (handled == 0)
            {
                return;
            }
        }
    }

    private static async Task CheckAsync(World w, bool drained, string when)
    {
        var h = w.H;
        var now = h.Now;
        var attempts = h.Email.Attempts.GroupBy(m => m.MessageKey).Where(g => g.Count() > 1 && !w.MayRepeat.Contains(g.Key)).Select(g => g.Key).ToList();
        Assert.True(attempts.Count == 0, $"{when}: emailed more than once: {string.Join(", ", attempts)}");
        foreach (var userId in w.Users)
        {
            var p = await h.Data.LoadAsync(userId);
            var user = p.User!.Value;
            var zone = DateTimeZoneProviders.Tzdb[user.Settings.TimeZoneId];
            var scheduled = p.Nudges.Values.Where(n => n.Nudge.Status == NudgeStatus.Scheduled).ToList();

            // One digest, at the user's local day and time. (A digest claimed by a process that
            // crashed is in flight until its lease ends, then sent, even if the settings changed
            // meanwhile: it was due before they did. While it is, the plan may or may not hold the next.)
            var digests = scheduled.Where(n => n.Nudge.Kind == NudgeKind.WeeklyDigest && !n.IsLeased(now)).ToList();
            var inFlight = scheduled.Count(n => n.Nudge.Kind == NudgeKind.WeeklyDigest && n.IsLeased(now));
            var digest = user.Settings.WeeklyDigest;
            Assert.True(digests.Count <= 1 && inFlight <= 1, $"{when}: {userId} has {digests.Count} scheduled digests and {inFlight} in flight");
            if (digest.Enabled && NudgeScheduler.IsReachable(user))
            {
                Assert.True(digests.Count == 1 || inFlight == 1, $"{when}: {userId} (digest on) has no scheduled digest");
            }

            if (digest.Enabled && NudgeScheduler.IsReachable(user) && digests.Count == 1)
            {
                var due = digests[0].Nudge.DueAt;
                var local = due.InZone(zone).Date;
                Assert.True(
                    local.DayOfWeek == digest.Day && ReminderSlots.Resolve(zone, local + digest.Time) == due,
                    $"{when}: {userId} digest at {due.InZone(zone)} but settings say {digest.Day} {digest.Time}");
                Assert.True(!drained || due > now - Duration.FromMinutes(1), $"{when}: {userId} digest {digests[0].Id} overdue at {due} (now {now}, lease {digests[0].LeaseUntil})");

                // Not later than the next occurrence: a digest is never dropped for a week (vacation aside).
                // (At most one digest a local day: a day that already had one does not count, nor a
                // date whose id a digest that happened holds, e.g. one sent in the zone before.)
                var had = p.Nudges.Values
                    .Where(n => n.Nudge.Kind == NudgeKind.WeeklyDigest && n.Nudge.Status is NudgeStatus.Sent or NudgeStatus.Skipped or NudgeStatus.Failed)
                    .SelectMany(n => new[] { n.Nudge.DueAt.InZone(zone).Date, IdDate(n.Id) })
                    .ToHashSet();
                var schedule = new WeeklyDigestSchedule(zone, digest);
                var next = schedule.FirstAfter(now);
                while (had.Contains(next.Date))
                {
                    next = schedule.FirstAfter(next.DueAt);
                }

                Assert.True(user.Settings.VacationUntil is not null || due <= next.DueAt, $"{when}: {userId} digest at {due} but the next occurrence is {next.DueAt}");
            }

            // After a vacation, the reminders it displaced share the business days after it, and a day
            // that holds one has at most two reminders in all (others due then take a free place;
            // one already overdue is being caught up and is not moved).
            if (w.Displaced.TryGetValue(userId, out var displaced) && user.Settings.VacationUntil == displaced.Until)
            {
                var reminders = scheduled.Where(n => n.Nudge.Kind != NudgeKind.WeeklyDigest).ToList();
                foreach (var day in reminders.Where(n => displaced.Ids.ContainsKey(n.Id)).Select(n => n.Nudge.DueAt.InZone(zone).Date).Distinct())
                {
                    Assert.True(day > displaced.Until, $"{when}: {userId} has a displaced reminder due on {day}, inside the vacation until {displaced.Until}");
                    var onDay = reminders
                        .Where(n => n.Nudge.DueAt.InZone(zone).Date == day && (displaced.Ids.ContainsKey(n.Id) || n.Nudge.DueAt > now))
                        .ToList();
                    Assert.True(
                        onDay.Count <= NudgePlanner.DisplacedRemindersPerDay,
                        $"{when}: {userId} has {onDay.Count} reminders on {day}, a day holding displaced ones: {string.Join(", ", onDay.Select(n => n.Id))}");
                }
            }

            // Once drained, nothing is left overdue.
            if (drained)
            {
                // (A nudge claimed by a process that crashed waits for its lease to end: at most
                // NudgeSender.LeaseDuration, then the sweep takes it.)
                var overdue = scheduled.Where(n => n.Nudge.DueAt < now - Duration.FromMinutes(1) && !n.IsLeased(now)).Select(n => $"{n.Id}@{n.Nudge.DueAt}").ToList();
                Assert.True(overdue.Count == 0, $"{when}: stranded {string.Join(", ", overdue)} (now {now})");
            }

            // Follow-ups: at most maxFollowUps per ask, none after a reply, an interaction or a stop.
            foreach (var ask in p.AskList)
            {
                var sent = p.NudgeList.Where(n => n.AskId == ask.Id && n.Kind == NudgeKind.FollowUp && n.Status == NudgeStatus.Sent).ToList();
                Assert.True(sent.Count <= user.Settings.FollowUp.MaxFollowUps, $"{when}: ask {ask.Id} got {sent.Count} follow-ups");
                foreach (var n in sent)
                {
                    Assert.False(ask.AnsweredAt is { } answered && n.SentAt > answered, $"{when}: {n.Id} sent after the reply");
                    Assert.False(w.Interactions.TryGetValue(ask.PersonId, out var met) && met >= ask.SentAt && n.SentAt > met, $"{when}: {n.Id} sent after an interaction");
                    Assert.False(w.Stopped.TryGetValue(ask.PersonId, out var stopped) && n.SentAt > stopped, $"{when}: {n.Id} sent after a stop");
                }
            }

            // The schedule API, the stored rows and the due index agree.
            var api = await h.Schedule.UpcomingAsync(userId, Instant.MinValue, Instant.MaxValue);
            Assert.Equal(scheduled.Select(n => n.Id).Order(StringComparer.Ordinal), api.Select(n => n.NudgeId).Order(StringComparer.Ordinal));
            foreach (var n in scheduled)
            {
                Assert.True(n.IndexPartition is not null && n.IndexRow is not null && await h.Index.ExistsAsync(n.IndexPartition, n.IndexRow), $"{when}: {n.Id} has no due-index row");
            }
        }
    }

    /// <summary>The local date a digest's id names (<c>wd-{userId}-{yyyyMMdd}</c>).</summary>
    private static LocalDate IdDate(string digestId) =>
        NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd").Parse(digestId[^8..]).Value;

    private sealed class World(PipelineHarness h)
    {
        public PipelineHarness H { get; set; } = h;

        public AzuriteFixture Azurite { get; } = h.Azurite;

        public List<string> Users { get; } = [];

        public Dictionary<string, List<string>> People { get; } = [];

        public Dictionary<string, Instant> Interactions { get; } = [];

        public Dictionary<string, Instant> Stopped { get; } = [];

        public HashSet<string> MayRepeat { get; } = new(StringComparer.Ordinal);

        /// <summary>Per user: the vacation's last day and the ids of the reminders it displaced.</summary>
        public Dictionary<string, (LocalDate Until, Dictionary<string, string?> Ids)> Displaced { get; } = [];

        public string? Person(PersonOp op)
        {
            var people = People[Users[op.U]];
            return people.Count == 0 ? null : people[op.P % people.Count];
        }
    }

    private abstract record Op;

    private abstract record PersonOp(int U, int P) : Op;

    private sealed record AddPerson(int U, int? KeepInTouch) : Op;

    private sealed record Outreach(int U, int P, int BackdateDays) : PersonOp(U, P);

    private sealed record Reply(int U, int P) : PersonOp(U, P);

    private sealed record Interact(int U, int P) : PersonOp(U, P);

    private sealed record Stop(int U, int P) : PersonOp(U, P);

    private sealed record Snooze(int U, int P, int Days) : PersonOp(U, P);

    private sealed record Delete(int U, int P) : PersonOp(U, P);

    private sealed record UpdatePerson(int U, int P, int? KeepInTouch) : PersonOp(U, P);

    private sealed record Settings(int U, string Zone, IsoDayOfWeek DigestDay, int DigestHour, bool Enabled, int? VacationDays) : Op;

    private sealed record Calendar(int U, string Country, int WeekShape, int ReminderHour) : Op;

    /// <summary>Sets a webhook (reachable even when unsubscribed or bounced), or removes it and re-subscribes.</summary>
    private sealed record Webhook(int U, bool On) : Op;

    private sealed record Unsubscribe(int U) : Op;

    private sealed record OutOfOffice(int U, int P) : PersonOp(U, P);

    private sealed record Bounce(int U) : Op;

    private sealed record Advance(Duration By) : Op;

    private sealed record Crash(int AtRequest) : Op;
}

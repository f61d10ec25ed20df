using MentorNudge.Core.Model;
using NodaTime;

// About 300 lines on purpose: every time rule of docs/time-rules.md in one pure planner, read in one place.
namespace MentorNudge.Core.Engine;

/// <summary>
/// Decides the exact set of nudges a user should have, following the time rules of the design
/// (docs/time-rules.md). Pure: the same input and the same clock reading always give the same plan.
/// </summary>
public sealed class NudgePlanner(IClock clock)
{
    /// <summary>
    /// Most reminders on one day after a vacation, while the reminders it displaced are being
    /// caught up: displaced ones share the days, and others due on those days take a free place.
    /// </summary>
    public const int DisplacedRemindersPerDay = 2;

    private readonly IClock clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>
    /// The nudges that should exist and are not yet in a terminal state: pending follow-ups of
    /// awaiting asks, the next weekly digest, and pending keep-in-touch reminders; ordered by
    /// due instant, then id.
    /// </summary>
    public IReadOnlyList<PlannedNudge> Plan(PlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = new PlanRun(input, clock.GetCurrentInstant());
        var plan = new List<PlannedNudge>();
        if (run.NextDigest() is { } digest)
        {
            plan.Add(digest);
        }

        plan.AddRange(run.Reminders());
        plan.Sort(static (a, b) =>
        {
            var byDue = a.DueAt.CompareTo(b.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.NudgeId, b.NudgeId);
        });
        return plan;
    }

    /// <summary>The pending follow-up reminders of one ask (as in <see cref="Plan"/>), e.g. for the outreach answer.</summary>
    public IReadOnlyList<PlannedNudge> FollowUpsOf(PlanningInput input, string askId) =>
        [.. Plan(input).Where(n => n.Kind == NudgeKind.FollowUp && n.AskId == askId)];

    /// <summary>The one pending weekly digest, or null when the digest is off.</summary>
    public PlannedNudge? NextDigest(PlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new PlanRun(input, clock.GetCurrentInstant()).NextDigest();
    }

    /// <summary>True for statuses a nudge never leaves.</summary>
    public static bool IsTerminal(NudgeStatus status) => status != NudgeStatus.Scheduled;

    /// <summary>
    /// True for a nudge cancelled by a re-plan (<see cref="NudgeReasons.NoLongerPlanned"/>): it is
    /// not history, so the planner may plan its id again and the scheduler then re-activates it.
    /// </summary>
    public static bool IsWithdrawn(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return nudge.Status == NudgeStatus.Cancelled && nudge.Reason == NudgeReasons.NoLongerPlanned;
    }

    /// <summary>One planning pass over one user's input at one instant.</summary>
    private sealed class PlanRun
    {
        private readonly PlanningInput input;
        private readonly Instant now;
        private readonly UserSettings settings;
        private readonly ReminderSlots slots;
        private readonly Dictionary<string, Nudge> history;
        private readonly Dictionary<string, Person> people;
        private readonly PriorityQueue<Candidate, Candidate> queue = new(CandidateOrder.Instance);
        private readonly Dictionary<LocalDate, int> remindersOnDate = [];
        private Instant? displacedSlot;
        private int displacedInSlot;

        public PlanRun(PlanningInput input, Instant now)
        {
            this.input = input;
            this.now = now;
            settings = input.User.Settings;
            slots = ReminderSlots.For(settings);
            history = new Dictionary<string, Nudge>(StringComparer.Ordinal);
            foreach (var nudge in input.History)
            {
                // A nudge a re-plan withdrew never happened to the user: it is not history, and
                // planning its id again re-activates it.
                if (!IsWithdrawn(nudge))
                {
                    history[nudge.Id] = nudge;
                }
            }

            people = input.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        }

        private DateTimeZone Zone => slots.Zone;

        public PlannedNudge? NextDigest()
        {
            var digest = settings.WeeklyDigest;
            if (!digest.Enabled)
            {
                return null;
            }

            var schedule = new WeeklyDigestSchedule(Zone, digest);
            var after = input.User.CreatedAt;
            LocalDate? lastDate = null;
            var happened = new HashSet<string>(StringComparer.Ordinal);
            foreach (var nudge in history.Values)
            {
                // Only digests that went out (or whose slot passed: skipped, failed) count.
                if (nudge.Kind == NudgeKind.WeeklyDigest && IsTerminal(nudge.Status))
                {
                    happened.Add(nudge.Id);
                    if (nudge.DueAt > after)
                    {
                        after = nudge.DueAt;
                        lastDate = nudge.DueAt.InZone(Zone).Date;
                    }
                }
            }

            var next = schedule.FirstAfter(after);
            if (next.DueAt < now)
            {
                // Downtime: every missed digest collapses into the latest one that fell due.
                next = schedule.LatestAtOrBefore(now);
            }

            // At most one digest a local day: a digest moved to a later hour of a day that already
            // had one (or whose id a digest that happened already holds) starts next week.
            while (IsInVacation(next.Date) || next.Date <= lastDate ||
                   happened.Contains(NudgeIds.WeeklyDigest(input.User.Id, next.Date)))
            {
                next = schedule.FirstAfter(next.DueAt);
            }

            return Planned(NudgeIds.WeeklyDigest(input.User.Id, next.Date), NudgeKind.WeeklyDigest, null, null, 0, next.DueAt);
        }

        public IEnumerable<PlannedNudge> Reminders()
        {
            foreach (var ask in input.Asks)
            {
                if (ask.IsAwaiting && people.TryGetValue(ask.PersonId, out var person) && !person.Stopped
                    && !input.Interactions.Any(i => i.PersonId == ask.PersonId && i.At >= ask.SentAt))
                {
                    EnqueueFollowUp(ask, person, 1, slots.DateOf(ask.SentAt));
                }
            }

            foreach (var person in input.People)
            {
                EnqueueKeepInTouch(person);
            }

            // Earliest first, so displaced reminders are spread in the order they were due and
            // each follow-up step chains from the final date of the step before.
            while (queue.TryDequeue(out var candidate, out _))
            {
                var due = FinalDue(candidate);
                var date = slots.DateOf(due);
                remindersOnDate[date] = remindersOnDate.GetValueOrDefault(date) + 1;
                yield return Planned(candidate.Id, candidate.Kind, candidate.Person.Id, candidate.Ask?.Id, candidate.Step, due);
                if (candidate.Ask is { } ask)
                {
                    EnqueueFollowUp(ask, candidate.Person, candidate.Step + 1, slots.DateOf(due));
                }
            }
        }

        private void EnqueueFollowUp(Ask ask, Person person, int step, LocalDate previousDate)
        {
            var policy = settings.FollowUp;
            for (; step <= policy.MaxFollowUps; step++)
            {
                var id = NudgeIds.FollowUp(ask.Id, step);
                if (history.TryGetValue(id, out var stored) && IsTerminal(stored.Status))
                {
                    // Done with: later steps count from when it actually went out (or was due).
                    var happened = stored.Status == NudgeStatus.Sent ? stored.SentAt ?? stored.DueAt : stored.DueAt;
                    previousDate = slots.DateOf(happened);
                    continue;
                }

                var date = FollowUpSchedule.StepDate(slots.Calendar, policy, previousDate, step);
                var candidate = new Candidate(id, NudgeKind.FollowUp, person, ask, step, Snoozed(person, slots.At(date)));
                queue.Enqueue(candidate, candidate);
                return;
            }
        }

        private void EnqueueKeepInTouch(Person person)
        {
            if (person.KeepInTouchEveryDays is not { } everyDays || everyDays < 1 || person.Stopped)
            {
                return;
            }

            var anchor = person.CreatedAt;
            foreach (var interaction in input.Interactions)
            {
                if (interaction.PersonId == person.Id && interaction.At > anchor)
                {
                    anchor = interaction.At;
                }
            }

            foreach (var ask in input.Asks)
            {
                if (ask.PersonId != person.Id)
                {
                    continue;
                }

                if (ask.SentAt > anchor)
                {
                    anchor = ask.SentAt;
                }

                if (ask.AnsweredAt is { } answered && answered > anchor)
                {
                    anchor = answered;
                }
            }

            // The id names the date the policy gives, not where snooze or catch-up moves it, so
            // re-planning keeps the same id and a sent reminder is never planned again.
            var date = slots.Calendar.NextBusinessDayOnOrAfter(slots.DateOf(anchor).PlusDays(everyDays));
            var id = NudgeIds.KeepInTouch(person.Id, date);
            if (history.TryGetValue(id, out var stored) && IsTerminal(stored.Status))
            {
                return;
            }

            var candidate = new Candidate(id, NudgeKind.KeepInTouch, person, null, 0, Snoozed(person, slots.At(date)));
            queue.Enqueue(candidate, candidate);
        }

        private Instant Snoozed(Person person, Instant due) =>
            person.SnoozedUntil is { } until && until > now && due < until ? slots.OnOrAfter(until) : due;

        private Instant FinalDue(Candidate candidate)
        {
            if (IsInVacation(slots.DateOf(candidate.DueAt)))
            {
                return NextDisplacedSlot();
            }

            if (history.TryGetValue(candidate.Id, out var stored) && stored.Status == NudgeStatus.Scheduled
                && stored.DueAt <= now && !IsInVacation(slots.DateOf(stored.DueAt))
                && candidate.DueAt <= now)
            {
                // The dispatcher is already catching up with it: keep its stored due.
                return stored.DueAt;
            }

            return AfterBacklog(candidate.DueAt < now ? slots.OnOrAfter(now) : candidate.DueAt);
        }

        // The days after a vacation that hold displaced reminders are full at two: a reminder
        // due on one of them takes the first of those days with a free place, or the day after
        // the last. Displaced reminders are planned first (they were due earlier), so the days
        // are known by the time any other reminder is placed.
        private Instant AfterBacklog(Instant due)
        {
            if (displacedSlot is not { } lastSlot)
            {
                return due;
            }

            var lastDate = slots.DateOf(lastSlot);
            var dueDate = slots.DateOf(due);
            var date = dueDate;
            while (date <= lastDate && remindersOnDate.GetValueOrDefault(date) >= DisplacedRemindersPerDay)
            {
                date = slots.Calendar.AddBusinessDays(date, 1);
            }

            return date == dueDate ? due : slots.At(date);
        }

        private Instant NextDisplacedSlot()
        {
            if (displacedSlot is not { } slot)
            {
                var firstDayBack = settings.VacationUntil!.Value.PlusDays(1);
                // Lenient, like every local time: the first day back may itself start in a gap.
                var floor = ReminderSlots.Resolve(Zone, firstDayBack.AtMidnight());
                slot = slots.OnOrAfter(floor > now ? floor : now);
                displacedInSlot = 0;
            }
            else if (displacedInSlot >= DisplacedRemindersPerDay)
            {
                slot = slots.At(slots.Calendar.AddBusinessDays(slots.DateOf(slot), 1));
                displacedInSlot = 0;
            }

            displacedSlot = slot;
            displacedInSlot++;
            return slot;
        }

        private bool IsInVacation(LocalDate date) => settings.VacationUntil is { } until && date <= until;

        private PlannedNudge Planned(string id, NudgeKind kind, string? personId, string? askId, int step, Instant due) =>
            new(id, kind, personId, askId, step, due, due.InZone(Zone));
    }

    private sealed record Candidate(string Id, NudgeKind Kind, Person Person, Ask? Ask, int Step, Instant DueAt);

    private sealed class CandidateOrder : IComparer<Candidate>
    {
        public static readonly CandidateOrder Instance = new();

        public int Compare(Candidate? x, Candidate? y)
        {
            var byDue = x!.DueAt.CompareTo(y!.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}

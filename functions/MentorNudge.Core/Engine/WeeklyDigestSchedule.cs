using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Engine;

/// <summary>Occurrences of the weekly digest: the chosen local day and time, every week, in the user's zone.</summary>
/// <param name="zone">The user's zone.</param>
/// <param name="settings">Day and time of the digest.</param>
public sealed class WeeklyDigestSchedule(DateTimeZone zone, WeeklyDigestSettings settings)
{
    private readonly DateTimeZone zone = zone ?? throw new ArgumentNullException(nameof(zone));
    private readonly WeeklyDigestSettings settings = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>The instant of the digest on <paramref name="date"/> (expected to be the chosen day).</summary>
    public Instant At(LocalDate date) => ReminderSlots.Resolve(zone, date + settings.Time);

    /// <summary>The first occurrence strictly after <paramref name="instant"/>: its local date and instant.</summary>
    public (LocalDate Date, Instant DueAt) FirstAfter(Instant instant)
    {
        // Start a week early: a gap-shifted occurrence can land after its own local date.
        var date = instant.InZone(zone).Date.With(DateAdjusters.PreviousOrSame(settings.Day)).PlusWeeks(-1);
        var due = At(date);
        while (due <= instant)
        {
            date = date.PlusWeeks(1);
            due = At(date);
        }

        return (date, due);
    }

    /// <summary>The latest occurrence at or before <paramref name="instant"/>.</summary>
    public (LocalDate Date, Instant DueAt) LatestAtOrBefore(Instant instant)
    {
        var date = instant.InZone(zone).Date.With(DateAdjusters.NextOrSame(settings.Day)).PlusWeeks(1);
        var due = At(date);
        while (due > instant)
        {
            date = date.PlusWeeks(-1);
            due = At(date);
        }

        return (date, due);
    }
}

using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.TimeZones;

namespace MentorNudge.Core.Engine;

/// <summary>
/// Turns a user's local dates and times into instants. Every local time goes through one
/// deliberate resolver: a time in a spring-forward gap moves forward by the length of the gap,
/// an ambiguous time in a fall-back overlap takes the earlier instant
/// (<see cref="Resolvers.LenientResolver"/>). A reminder slot is the reminder time on a business day.
/// </summary>
/// <param name="calendar">The user's business calendar (it carries the zone).</param>
/// <param name="reminderTime">Local time of day of reminders.</param>
public sealed class ReminderSlots(BusinessCalendar calendar, LocalTime reminderTime)
{
    /// <summary>The calendar.</summary>
    public BusinessCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>The zone.</summary>
    public DateTimeZone Zone => Calendar.Zone;

    /// <summary>Local time of day of reminders.</summary>
    public LocalTime ReminderTime { get; } = reminderTime;

    /// <summary>The slots of a user's settings.</summary>
    public static ReminderSlots For(UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ReminderSlots(BusinessCalendar.For(settings), settings.ReminderTime);
    }

    /// <summary>The instant of a local date and time in <paramref name="zone"/>: gap shifted forward, overlap earlier.</summary>
    public static Instant Resolve(DateTimeZone zone, LocalDateTime local)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
    }

    /// <summary>The instant of the reminder time on <paramref name="date"/> (whether or not it is a business day).</summary>
    public Instant At(LocalDate date) => Resolve(Zone, date + ReminderTime);

    /// <summary>The local date of <paramref name="instant"/> in the user's zone.</summary>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The first reminder slot (business day, reminder time) at or after <paramref name="instant"/>.</summary>
    public Instant OnOrAfter(Instant instant)
    {
        var date = Calendar.NextBusinessDayOnOrAfter(DateOf(instant));
        var slot = At(date);
        while (slot < instant)
        {
            date = Calendar.AddBusinessDays(date, 1);
            slot = At(date);
        }

        return slot;
    }
}

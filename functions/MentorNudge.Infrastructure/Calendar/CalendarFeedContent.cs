using MentorNudge.Infrastructure.Pipeline;
using NodaTime;

namespace MentorNudge.Infrastructure.Calendar;

/// <summary>What a calendar feed shows: the user's zone, the upcoming nudges in due order, and the names of the people they are about.</summary>
public sealed record CalendarFeedContent(DateTimeZone Zone, IReadOnlyList<ScheduledNudge> Nudges, IReadOnlyDictionary<string, string> PersonNames);

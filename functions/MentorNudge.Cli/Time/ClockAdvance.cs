using MentorNudge.Cli.Email;
using NodaTime;

namespace MentorNudge.Cli.Time;

/// <summary>The answer of one move of the virtual clock.</summary>
/// <param name="From">Where the clock was.</param>
/// <param name="To">Where it is now.</param>
/// <param name="Steps">How many due instants it stopped at on the way.</param>
/// <param name="Sent">The emails sent on the way, in order.</param>
public sealed record ClockAdvance(Instant From, Instant To, int Steps, IReadOnlyList<SentMail> Sent);

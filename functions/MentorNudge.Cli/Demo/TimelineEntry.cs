using NodaTime;

namespace MentorNudge.Cli.Demo;

/// <summary>One line of the demo's timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">outreach, reply, interaction, followUp, weeklyDigest, keepInTouch.</param>
/// <param name="Person">Who it was about, if anyone.</param>
/// <param name="What">What happened.</param>
public sealed record TimelineEntry(Instant At, string Kind, string? Person, string What);

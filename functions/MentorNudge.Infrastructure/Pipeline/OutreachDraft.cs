using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>An outreach to log: when (default now), through which channel, subject and text.</summary>
public sealed record OutreachDraft(Instant? SentAt = null, string? Channel = null, string? Subject = null, string? Text = null);

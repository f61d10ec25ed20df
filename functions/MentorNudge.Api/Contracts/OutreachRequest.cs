using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/people/{id}/outreach</c>; every field optional (<c>sentAt</c> defaults to now).</summary>
public sealed record OutreachRequest(Instant? SentAt, string? Channel, string? Subject, string? Text);

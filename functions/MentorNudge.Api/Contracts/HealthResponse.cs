using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Answer of <c>GET /api/health</c>.</summary>
public sealed record HealthResponse(string Status, Instant Now, Instant? LastDispatcherTick);

using MentorNudge.Infrastructure.DependencyInjection;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Answer of <c>GET /api/health</c>: liveness, the last dispatcher tick and the configuration in use (no secrets).</summary>
public sealed record HealthResponse(string Status, Instant Now, Instant? LastDispatcherTick, RunningConfiguration? Configuration);

using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary>Answer of the inbound-email hook: whether a person matched and what was done (<c>replied</c>, <c>postponed</c>, <c>ignored</c>).</summary>
internal sealed record InboundEmailResult(bool Matched, string? PersonId, string Action, Instant? PostponedUntil);

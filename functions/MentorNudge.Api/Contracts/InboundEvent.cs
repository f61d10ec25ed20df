using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>
/// Body of <c>POST /api/v1/hooks/{userId}/events</c>: <c>id</c> (unique per event, for replay protection),
/// <c>type</c> (<c>outreach.sent</c>, <c>reply.received</c>, <c>interaction.logged</c>, <c>person.upserted</c>) and <c>data</c>.
/// </summary>
public sealed record InboundEvent(string? Id, string? Type, Instant? OccurredAt, InboundEventData? Data);

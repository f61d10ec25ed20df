using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>
/// The <c>data</c> of an inbound event. The person is named by <c>personId</c> or by one of their
/// <c>email</c> addresses; the other fields depend on the event type.
/// </summary>
public sealed record InboundEventData(
    string? PersonId,
    string? Email,
    Instant? SentAt,
    Instant? ReceivedAt,
    Instant? At,
    string? Channel,
    string? Subject,
    string? Text,
    InteractionKind? Kind,
    string? Note,
    PersonRequest? Person);

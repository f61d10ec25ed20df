using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/people/{id}/replies</c>; <c>receivedAt</c> defaults to now.</summary>
public sealed record ReplyRequest(Instant? ReceivedAt);

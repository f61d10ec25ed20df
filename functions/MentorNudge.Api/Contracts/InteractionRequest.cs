using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/people/{id}/interactions</c>; <c>kind</c> is required.</summary>
public sealed record InteractionRequest(InteractionKind? Kind, Instant? At, string? Note);

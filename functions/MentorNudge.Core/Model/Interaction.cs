using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>Something the user did with or for a person: adding value, meeting, talking.</summary>
/// <param name="Id">Opaque id.</param>
/// <param name="UserId">Owner.</param>
/// <param name="PersonId">Who with.</param>
/// <param name="Kind">What kind of interaction.</param>
/// <param name="At">When.</param>
/// <param name="Note">Optional note; never logged.</param>
public sealed record Interaction(string Id, string UserId, string PersonId, InteractionKind Kind, Instant At, string? Note = null);

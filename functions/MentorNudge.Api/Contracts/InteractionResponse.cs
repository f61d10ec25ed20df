using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>A logged interaction in answers.</summary>
public sealed record InteractionResponse(string Id, string PersonId, InteractionKind Kind, Instant At, string? Note)
{
    public static InteractionResponse From(Interaction i) => new(i.Id, i.PersonId, i.Kind, i.At, i.Note);
}

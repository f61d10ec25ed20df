using NodaTime;

namespace MentorNudge.Infrastructure.Email.Pacing;

/// <summary>The limiter's answer: send now, or not before <see cref="NextSlotAt"/>.</summary>
/// <param name="Granted">True when a slot was taken for a send now.</param>
/// <param name="NextSlotAt">When denied: the earliest instant a slot can free up (re-enqueue with this visibility delay).</param>
public sealed record EmailPacingDecision(bool Granted, Instant? NextSlotAt)
{
    public static EmailPacingDecision Grant() => new(true, null);

    public static EmailPacingDecision Deny(Instant nextSlotAt) => new(false, nextSlotAt);
}

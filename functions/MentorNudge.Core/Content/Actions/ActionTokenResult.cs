using NodaTime;

namespace MentorNudge.Core.Content.Actions;

/// <summary>The outcome of <see cref="ActionTokens.Verify"/>: the signed claims, or why the token was refused.</summary>
/// <param name="Failure"><see cref="ActionTokenFailure.None"/> when valid.</param>
/// <param name="UserId">The user the link was made for (null unless valid).</param>
/// <param name="NudgeId">The nudge the link belongs to (null unless valid).</param>
/// <param name="Action">The action (null unless valid).</param>
/// <param name="ExpiresAt">Expiry (null unless valid).</param>
public sealed record ActionTokenResult(
    ActionTokenFailure Failure,
    string? UserId = null,
    string? NudgeId = null,
    ActionKind? Action = null,
    Instant? ExpiresAt = null)
{
    /// <summary>True when the token is authentic and not expired.</summary>
    public bool IsValid => Failure == ActionTokenFailure.None;

    internal static ActionTokenResult Fail(ActionTokenFailure failure) => new(failure);
}

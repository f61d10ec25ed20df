namespace MentorNudge.Core.Content.Actions;

/// <summary>Why an action token was refused.</summary>
public enum ActionTokenFailure
{
    /// <summary>The token is valid.</summary>
    None,

    /// <summary>Not a token of this shape (wrong encoding, missing parts, unknown action).</summary>
    Malformed,

    /// <summary>The signature does not match: altered, forged, or signed for another purpose or key.</summary>
    Tampered,

    /// <summary>Authentic but past its expiry.</summary>
    Expired,
}

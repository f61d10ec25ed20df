namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>Outcome of checking a <c>MentorNudge-Signature</c> header.</summary>
public enum WebhookSignatureResult
{
    /// <summary>Signed with the secret, within the tolerance.</summary>
    Valid,

    /// <summary>No header.</summary>
    Missing,

    /// <summary>Header present but not <c>t=…,v1=…</c>.</summary>
    Malformed,

    /// <summary>No <c>v1</c> matches the body and secret.</summary>
    BadSignature,

    /// <summary>The signature matches but the timestamp is more than five minutes off.</summary>
    Stale,
}

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>A webhook's host is, or resolves to, an address webhooks may not reach (see <see cref="WebhookAddressPolicy"/>).</summary>
public sealed class WebhookTargetRefusedException(string reason)
    : Exception($"The webhook target is refused: {reason}.")
{
    /// <summary>Short reason, e.g. <c>private network</c>; shown to the user as <c>refused: {reason}</c>.</summary>
    public string Reason { get; } = reason;
}

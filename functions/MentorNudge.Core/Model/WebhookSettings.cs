namespace MentorNudge.Core.Model;

/// <summary>Where and how to POST outbound events for a user.</summary>
/// <param name="Url">An https URL.</param>
/// <param name="Format">Payload shape.</param>
/// <param name="Secret">The secret that signs outbound deliveries (<c>MentorNudge-Signature</c>).</param>
/// <param name="InboundSecret">
/// The secret inbound hooks must be signed with; a different one, so that a receiver of our
/// deliveries cannot forge events. Null only for settings stored before the split, which keep
/// verifying inbound hooks with <paramref name="Secret"/> until a new inbound secret is set.
/// </param>
public sealed record WebhookSettings(Uri Url, WebhookFormat Format, string Secret, string? InboundSecret = null)
{
    /// <summary>The secret that inbound hooks are verified with.</summary>
    public string InboundVerificationSecret => InboundSecret ?? Secret;
}

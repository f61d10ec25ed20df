namespace MentorNudge.Core.Model;

/// <summary>Where and how to POST outbound events for a user.</summary>
/// <param name="Url">An http or https URL.</param>
/// <param name="Format">Payload shape.</param>
/// <param name="Secret">The shared secret for <c>MentorNudge-Signature</c>, both directions.</param>
public sealed record WebhookSettings(Uri Url, WebhookFormat Format, string Secret);

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>Settings of outbound webhooks, bound from <c>MentorNudge:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MentorNudge:Webhooks";

    /// <summary>
    /// Allows webhook targets on loopback, private, link-local and other non-public networks. Off by
    /// default everywhere: a user's webhook URL must not reach the service's own network (SSRF).
    /// Self-hosters whose receivers live on their own network, and tests, turn it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}

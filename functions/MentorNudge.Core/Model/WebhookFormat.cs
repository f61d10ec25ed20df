namespace MentorNudge.Core.Model;

/// <summary>The payload shape of outbound webhooks.</summary>
public enum WebhookFormat
{
    /// <summary>MentorNudge's own JSON event.</summary>
    Generic,

    /// <summary>A Slack incoming-webhook message with blocks.</summary>
    Slack,

    /// <summary>A Microsoft Teams message card.</summary>
    Teams,
}

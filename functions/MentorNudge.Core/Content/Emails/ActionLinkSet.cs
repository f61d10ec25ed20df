namespace MentorNudge.Core.Content.Emails;

/// <summary>The signed one-click links an email offers (null when the email does not offer the action).</summary>
internal sealed record ActionLinkSet(Uri Unsubscribe, Uri? Replied = null, Uri? Snooze = null, Uri? Stop = null);

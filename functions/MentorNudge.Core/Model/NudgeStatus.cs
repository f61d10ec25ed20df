namespace MentorNudge.Core.Model;

/// <summary>Where a nudge is in its life. Only moves forward from <see cref="Scheduled"/>.</summary>
public enum NudgeStatus
{
    /// <summary>Planned and waiting for its due instant.</summary>
    Scheduled,

    /// <summary>Delivered to at least one channel.</summary>
    Sent,

    /// <summary>No longer wanted (a reply, an interaction, a settings change, erasure).</summary>
    Cancelled,

    /// <summary>Sending failed for good.</summary>
    Failed,

    /// <summary>Due, but deliberately not sent (vacation, unsubscribed, bounced address, collapsed digest).</summary>
    Skipped,
}

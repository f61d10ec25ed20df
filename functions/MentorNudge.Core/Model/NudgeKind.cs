namespace MentorNudge.Core.Model;

/// <summary>What a nudge is about. Serialized camelCase: <c>followUp</c>, <c>weeklyDigest</c>, <c>keepInTouch</c>.</summary>
public enum NudgeKind
{
    /// <summary>A reminder to follow up kindly on an outreach that got no answer.</summary>
    FollowUp,

    /// <summary>The weekly "add value first" digest.</summary>
    WeeklyDigest,

    /// <summary>A reminder to get back in touch with someone before the connection fades.</summary>
    KeepInTouch,
}

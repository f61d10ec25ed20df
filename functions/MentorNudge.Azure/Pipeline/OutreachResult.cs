using MentorNudge.Core.Model;

namespace MentorNudge.Azure.Pipeline;

/// <summary>A logged outreach and the follow-up reminders now scheduled for it.</summary>
public sealed record OutreachResult(Ask Ask, IReadOnlyList<ScheduledNudge> FollowUps);

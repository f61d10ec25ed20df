using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>A logged outreach, the follow-up reminders now scheduled for it, and coach feedback on its text (null without text).</summary>
public sealed record OutreachResult(Ask Ask, IReadOnlyList<ScheduledNudge> FollowUps, CoachFeedback? Coach);

using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>What a logged reply changed: the asks it answered and the follow-ups it cancelled.</summary>
public sealed record ReplyResult(IReadOnlyList<Ask> AnsweredAsks, int CancelledFollowUps);

namespace MentorNudge.Core.Content.Digest;

/// <summary>The content of one weekly digest, before rendering.</summary>
/// <param name="WeekKey">The ISO week of the digest in the user's zone, e.g. <c>2027-W13</c>; the seed of every choice.</param>
/// <param name="Prompts">At most <c>MaxPrompts</c> add-value prompts, one per person.</param>
/// <param name="FollowUpsDue">Follow-up reminders due in the next seven days.</param>
/// <param name="LosingTouch">People past their keep-in-touch interval.</param>
public sealed record WeeklyDigest(
    string WeekKey,
    IReadOnlyList<DigestPrompt> Prompts,
    IReadOnlyList<DigestFollowUp> FollowUpsDue,
    IReadOnlyList<LosingTouchEntry> LosingTouch)
{
    /// <summary>True when there is nothing to say.</summary>
    public bool IsEmpty => Prompts.Count == 0 && FollowUpsDue.Count == 0 && LosingTouch.Count == 0;
}

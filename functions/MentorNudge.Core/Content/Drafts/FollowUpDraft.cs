namespace MentorNudge.Core.Content.Drafts;

/// <summary>A suggested follow-up message (plain text, placeholders in brackets).</summary>
/// <param name="Step">Follow-up step it is written for (1 or 2).</param>
/// <param name="Variant">Which wording of the step.</param>
/// <param name="Text">Two to four sentences; renderers escape it.</param>
public sealed record FollowUpDraft(int Step, int Variant, string Text);

namespace MentorNudge.Core.Content.Emails;

/// <summary>A template's output before headers are attached.</summary>
internal sealed record RenderedEmail(string Subject, string Html, string Text);

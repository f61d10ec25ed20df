using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Content;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>A minimal renderer (the real composer is tested with the content).</summary>
public sealed class FakeRenderer : INudgeRenderer
{
    public EmailMessage Render(NudgeRenderContext context) => new(
        context.User.Email,
        context.User.DisplayName,
        $"{context.Nudge.Kind} {context.Nudge.Id}",
        "<p>nudge</p>",
        "nudge",
        new Dictionary<string, string>
        {
            ["X-MentorNudge-Nudge-Id"] = context.Nudge.Id,
            ["X-MentorNudge-Kind"] = context.Nudge.Kind.ToString(),
        },
        context.Nudge.Id);
}

using MentorNudge.Core.Content;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Turns a due nudge into an email (the Core <see cref="NudgeEmailComposer"/> in production).</summary>
public interface INudgeRenderer
{
    EmailMessage Render(NudgeRenderContext context);
}

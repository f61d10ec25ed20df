using MentorNudge.Core.Content;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Renders with the Core <see cref="NudgeEmailComposer"/>.</summary>
public sealed class ComposerRenderer(NudgeEmailComposer composer) : INudgeRenderer
{
    public EmailMessage Render(NudgeRenderContext context) => composer.Compose(context);
}

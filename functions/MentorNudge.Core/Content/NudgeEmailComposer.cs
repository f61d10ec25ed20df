namespace MentorNudge.Core.Content;

/// <summary>Renders a due nudge into an email (HTML and text, headers, action links).</summary>
public sealed class NudgeEmailComposer(NodaTime.IClock clock)
{
    /// <summary>Renders the email for <paramref name="context"/>'s nudge.</summary>
    public EmailMessage Compose(NudgeRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = clock;
        throw new NotImplementedException("Rendering arrives with the content issue.");
    }
}

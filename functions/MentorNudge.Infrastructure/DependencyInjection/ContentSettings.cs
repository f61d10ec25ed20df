namespace MentorNudge.Infrastructure.DependencyInjection;

/// <summary>
/// What the email composer needs from configuration: <c>App:PublicBaseUrl</c> (action links point
/// there), <c>Security:ActionSigningKey</c> (seals them; its UTF-8 bytes, at least 32) and, after
/// a rotation, <c>Security:ActionSigningKeyPrevious</c> (links it sealed keep working until they expire).
/// Checked at start-up by <see cref="ContentSettingsValidator"/>.
/// </summary>
public sealed class ContentSettings
{
    public Uri? PublicBaseUrl { get; set; }

    public string? ActionSigningKey { get; set; }

    public string? ActionSigningKeyPrevious { get; set; }
}

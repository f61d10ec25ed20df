namespace MentorNudge.Azure.DependencyInjection;

/// <summary>
/// What the email composer needs from configuration: <c>App:PublicBaseUrl</c> (action links point
/// there) and <c>Security:ActionSigningKey</c> (signs them; its UTF-8 bytes, at least 32). Checked at start-up by <see cref="ContentSettingsValidator"/>.
/// </summary>
public sealed class ContentSettings
{
    public Uri? PublicBaseUrl { get; set; }

    public string? ActionSigningKey { get; set; }
}

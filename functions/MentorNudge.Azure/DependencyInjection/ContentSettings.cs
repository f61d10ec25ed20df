using System.ComponentModel.DataAnnotations;

namespace MentorNudge.Azure.DependencyInjection;

/// <summary>
/// What the email composer needs from configuration: <c>App:PublicBaseUrl</c> (action links point
/// there), <c>Security:ActionSigningKey</c> (seals them; its UTF-8 bytes, at least 32) and, after
/// a rotation, <c>Security:ActionSigningKeyPrevious</c> (links it sealed keep working until they expire).
/// </summary>
public sealed class ContentSettings
{
    [Required]
    public Uri? PublicBaseUrl { get; set; }

    [Required]
    [MinLength(32)]
    public string? ActionSigningKey { get; set; }

    [MinLength(32)]
    public string? ActionSigningKeyPrevious { get; set; }
}

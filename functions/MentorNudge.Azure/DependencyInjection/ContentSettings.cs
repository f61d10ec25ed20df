using System.ComponentModel.DataAnnotations;

namespace MentorNudge.Azure.DependencyInjection;

/// <summary>
/// What the email composer needs from configuration: <c>App:PublicBaseUrl</c> (action links point
/// there) and <c>Security:ActionSigningKey</c> (signs them; its UTF-8 bytes, at least 32).
/// </summary>
public sealed class ContentSettings
{
    [Required]
    public Uri? PublicBaseUrl { get; set; }

    [Required]
    [MinLength(32)]
    public string? ActionSigningKey { get; set; }
}

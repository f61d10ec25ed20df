using MentorNudge.Core.Content.Actions;
using NodaTime;

namespace MentorNudge.Core.Content;

/// <summary>Settings for rendered emails.</summary>
/// <param name="PublicBaseUrl">The public base of the service (absolute http or https); action links are <c>{PublicBaseUrl}/api/v1/actions/{token}</c>.</param>
/// <param name="ActionSigningKey">Secret key for action tokens, at least 32 bytes.</param>
/// <param name="ProductName">Name shown in emails.</param>
/// <param name="ActionLinkLifetime">How long action links stay valid (default 30 days).</param>
/// <param name="PreviousActionSigningKey">The key before the last rotation: links it made still work until they expire.</param>
public sealed record ContentOptions(
    Uri PublicBaseUrl,
    byte[] ActionSigningKey,
    string ProductName = "MentorNudge",
    Duration? ActionLinkLifetime = null,
    byte[]? PreviousActionSigningKey = null)
{
    /// <summary>The token service for these keys: seals with the current key, opens tokens of both.</summary>
    public ActionTokens CreateActionTokens() => new(ActionSigningKey, PreviousActionSigningKey);

    /// <summary>The lifetime of action links, defaulted.</summary>
    public Duration LinkLifetime => ActionLinkLifetime ?? ActionTokens.DefaultLifetime;

    /// <summary>Throws when a setting cannot work, so a misconfiguration fails at start-up.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(PublicBaseUrl);
        ArgumentNullException.ThrowIfNull(ActionSigningKey);
        if (!PublicBaseUrl.IsAbsoluteUri || (PublicBaseUrl.Scheme != Uri.UriSchemeHttps && PublicBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("PublicBaseUrl must be an absolute http or https URL.", nameof(PublicBaseUrl));
        }

        if (ActionSigningKey.Length < 32)
        {
            throw new ArgumentException("ActionSigningKey must be at least 32 bytes.", nameof(ActionSigningKey));
        }

        if (PreviousActionSigningKey is { Length: < 32 })
        {
            throw new ArgumentException("PreviousActionSigningKey must be at least 32 bytes.", nameof(PreviousActionSigningKey));
        }

        if (string.IsNullOrWhiteSpace(ProductName) || ProductName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("ProductName must be one non-empty line.", nameof(ProductName));
        }

        if (LinkLifetime <= Duration.Zero)
        {
            throw new ArgumentException("ActionLinkLifetime must be positive.", nameof(ActionLinkLifetime));
        }
    }

    /// <summary>The one-click URL for a token.</summary>
    public Uri ActionUrl(string token) =>
        new($"{PublicBaseUrl.AbsoluteUri.TrimEnd('/')}/api/v1/actions/{token}");
}

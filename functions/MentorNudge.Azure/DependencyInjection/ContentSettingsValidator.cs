using System.Text;
using Microsoft.Extensions.Options;

namespace MentorNudge.Azure.DependencyInjection;

/// <summary>Start-up validation of <see cref="ContentSettings"/>; messages name the setting to fix.</summary>
public sealed class ContentSettingsValidator : IValidateOptions<ContentSettings>
{
    /// <summary>The shortest signing key accepted, in UTF-8 bytes.</summary>
    public const int MinimumSigningKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, ContentSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("App:PublicBaseUrl is required: the absolute http(s) URL that email action links point to.");
        }

        var key = options.ActionSigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add($"Security:ActionSigningKey is required: a secret of at least {MinimumSigningKeyBytes} bytes that signs email action links.");
        }
        else if (key.TrimStart().StartsWith(SecretReferenceSettings.KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Security:ActionSigningKey still holds an unresolved Key Vault reference; links would be signed with a public string.");
        }
        else if (Encoding.UTF8.GetByteCount(key) < MinimumSigningKeyBytes)
        {
            errors.Add($"Security:ActionSigningKey is too short: at least {MinimumSigningKeyBytes} bytes.");
        }

        var previous = options.ActionSigningKeyPrevious;
        if (!string.IsNullOrEmpty(previous))
        {
            if (previous.TrimStart().StartsWith(SecretReferenceSettings.KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("Security:ActionSigningKeyPrevious still holds an unresolved Key Vault reference.");
            }
            else if (Encoding.UTF8.GetByteCount(previous) < MinimumSigningKeyBytes)
            {
                errors.Add($"Security:ActionSigningKeyPrevious is too short: at least {MinimumSigningKeyBytes} bytes.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using System.Text;
using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.DependencyInjection;

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

        if (string.IsNullOrWhiteSpace(options.ActionSigningKey))
        {
            errors.Add($"Security:ActionSigningKey is required: a secret of at least {MinimumSigningKeyBytes} bytes that signs email action links.");
        }
        else
        {
            CheckKey(errors, "Security:ActionSigningKey", options.ActionSigningKey, "; links would be signed with a public string");
        }

        if (!string.IsNullOrEmpty(options.ActionSigningKeyPrevious))
        {
            CheckKey(errors, "Security:ActionSigningKeyPrevious", options.ActionSigningKeyPrevious, "");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckKey(List<string> errors, string setting, string key, string consequence)
    {
        if (key.TrimStart().StartsWith(SecretReferenceSettings.KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{setting} still holds an unresolved Key Vault reference{consequence}.");
        }
        else if (Encoding.UTF8.GetByteCount(key) < MinimumSigningKeyBytes)
        {
            errors.Add($"{setting} is too short: at least {MinimumSigningKeyBytes} bytes.");
        }
    }
}

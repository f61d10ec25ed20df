using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.DependencyInjection;

/// <summary>Fails start-up while any setting still holds an unresolved Key Vault reference, naming each one.</summary>
public sealed class SecretReferenceSettingsValidator : IValidateOptions<SecretReferenceSettings>
{
    public ValidateOptionsResult Validate(string? name, SecretReferenceSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UnresolvedKeys.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(options.UnresolvedKeys.Select(key =>
                $"Setting {key} still holds an unresolved Key Vault reference ({SecretReferenceSettings.KeyVaultReferencePrefix}…): " +
                "check the secret URI and that the app's identity (keyVaultReferenceIdentity) may read secrets."));
    }
}

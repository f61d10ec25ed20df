using Microsoft.Extensions.Configuration;

namespace MentorNudge.Infrastructure.DependencyInjection;

/// <summary>
/// The settings that still hold a platform reference (<c>@Microsoft.KeyVault(…)</c>) instead of
/// its value. On Azure the platform replaces such a value before the app starts; if it cannot
/// (no access, wrong URI, identity not set), the app would see the reference text itself, which
/// passes length checks and would, for example, sign action links with a public string.
/// </summary>
public sealed class SecretReferenceSettings
{
    /// <summary>How an unresolved Key Vault reference starts.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>Configuration keys (<c>Section:Name</c>) whose value is still a reference.</summary>
    public IReadOnlyList<string> UnresolvedKeys { get; set; } = [];

    /// <summary>Every key in <paramref name="configuration"/> whose value is an unresolved reference, sorted.</summary>
    public static IReadOnlyList<string> FindUnresolved(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.AsEnumerable()
            .Where(kv => kv.Value is { } value && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv.Key)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

using MentorNudge.Infrastructure.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace MentorNudge.Infrastructure.Tests.DependencyInjection;

public sealed class SecretReferenceSettingsTests
{
    [Fact]
    public void FindUnresolved_ReferenceLeftInPlace_NamesOnlyThatSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:ActionSigningKey"] = " @Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/action-signing-key/)",
            ["MentorNudge:Api:AdminKey"] = "resolved-value",
            ["Notes:Text"] = "mentions @Microsoft.KeyVault( in the middle",
        }).Build();

        Assert.Equal(["Security:ActionSigningKey"], SecretReferenceSettings.FindUnresolved(configuration));
    }

    [Fact]
    public void Validate_UnresolvedKeys_FailsNamingEach()
    {
        var result = new SecretReferenceSettingsValidator().Validate(null, new SecretReferenceSettings { UnresolvedKeys = ["A:B", "C"] });

        Assert.True(result.Failed);
        Assert.Contains("Setting A:B", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Setting C ", result.FailureMessage, StringComparison.Ordinal);
    }
}

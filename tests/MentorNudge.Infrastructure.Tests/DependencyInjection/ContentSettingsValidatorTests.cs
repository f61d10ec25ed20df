using MentorNudge.Infrastructure.DependencyInjection;

namespace MentorNudge.Infrastructure.Tests.DependencyInjection;

public sealed class ContentSettingsValidatorTests
{
    private static readonly Uri BaseUrl = new("https://mentornudge.example.com");

    [Theory]
    [InlineData(null, "Security:ActionSigningKey is required")]
    [InlineData("   ", "Security:ActionSigningKey is required")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/action-signing-key/)", "unresolved Key Vault reference")]
    [InlineData("short", "Security:ActionSigningKey is too short")]
    public void Validate_BadSigningKey_FailsNamingTheSetting(string? key, string expected)
    {
        var result = new ContentSettingsValidator().Validate(null, new ContentSettings { PublicBaseUrl = BaseUrl, ActionSigningKey = key });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoPublicBaseUrl_FailsNamingTheSetting()
    {
        var result = new ContentSettingsValidator().Validate(null, new ContentSettings { ActionSigningKey = new string('k', 32) });

        Assert.Contains("App:PublicBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodSettings_Succeeds() =>
        Assert.True(new ContentSettingsValidator().Validate(null, new ContentSettings { PublicBaseUrl = BaseUrl, ActionSigningKey = new string('k', 32) }).Succeeded);
}

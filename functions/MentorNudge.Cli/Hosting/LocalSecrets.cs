using System.Security.Cryptography;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// The local host's own secrets when none are configured (the admin key, the key that seals the
/// one-click links in emails, the key the ACS delivery-report hook requires, the capture hook's secret): generated once and kept in the data folder, readable by the owner
/// only, so scripts and links in already-sent emails keep working across restarts. Local
/// development values: in Azure they come from Key Vault.
/// </summary>
public static class LocalSecrets
{
    public const string AdminKeyFile = "admin-key";
    public const string ActionSigningKeyFile = "action-signing-key";
    public const string EventGridKeyFile = "event-grid-key";
    public const string CaptureHookSecretFile = "capture-hook-secret";

    /// <summary>Returns the stored secret <paramref name="fileName"/>, creating it on first use.</summary>
    /// <returns>The secret, and whether it was just generated.</returns>
    public static (string Value, bool Generated) LoadOrCreate(string dataFolder, string fileName, string prefix)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, fileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                return (existing, false);
            }
        }

        var value = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, value + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (value, true);
    }
}

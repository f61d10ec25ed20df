using System.Security.Cryptography;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// The local host's admin key when none is given: generated once, kept in the data folder (readable
/// by the owner only) so that scripts keep working across restarts. A local development key.
/// </summary>
public static class AdminKeyStore
{
    private const string FileName = "admin-key";

    /// <summary>Returns the stored key, creating it on first use.</summary>
    /// <returns>The key, and whether it was just generated.</returns>
    public static (string Key, bool Generated) LoadOrCreate(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 16)
            {
                return (existing, false);
            }
        }

        var key = "mnk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (key, true);
    }
}

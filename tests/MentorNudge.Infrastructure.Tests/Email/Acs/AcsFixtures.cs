namespace MentorNudge.Infrastructure.Tests.Email.Acs;

/// <summary>
/// Locates the ACS Email REST spec and examples (<c>shared/fixtures/acs-email/2025-09-01</c>) in a
/// folder beside the repository root or above it; they are not part of the repository.
/// </summary>
public static class AcsFixtures
{
    private const string Relative = "shared/fixtures/acs-email/2025-09-01";

    /// <summary>The folder, or null when it is not on this machine.</summary>
    public static string? Folder { get; } = Find();

    private static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MentorNudge.sln")))
        {
            dir = dir.Parent;
        }

        // ../shared relative to the repository root first, then further up (worktrees sit one level deeper).
        for (var candidate = dir?.Parent; candidate is not null; candidate = candidate.Parent)
        {
            var folder = Path.Combine(candidate.FullName, Relative);
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        return null;
    }
}

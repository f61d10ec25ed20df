using System.Text.RegularExpressions;
using MentorNudge.Deployment.Tests.Infrastructure;

namespace MentorNudge.Deployment.Tests.Repository;

/// <summary>
/// Rules of the code base that a review would otherwise have to remember (issue 15): time comes
/// from the injected clock, a user's zone comes from <c>UserSettings.Zone</c>, and a long file
/// says at its top why it is long.
/// </summary>
public sealed partial class SourceRulesTests
{
    private const int LongFileLines = 300;

    [Fact]
    public void ProductCode_NeverReadsTheSystemClock()
    {
        var offenders = ProductFiles()
            .Where(f => SystemClock().IsMatch(File.ReadAllText(f)))
            .Select(Relative)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ProductCode_ResolvesAUsersZoneOnlyThroughTheSettingsModel()
    {
        // Allowed: the settings model's Zone member, and the validators that must tell a bad id apart.
        string[] allowed =
        [
            "functions/MentorNudge.Core/Model/UserSettings.cs",
            "functions/MentorNudge.Core/Validation/UserSettingsValidator.cs",
            "functions/MentorNudge.Api/Validation/RequestValidator.cs",
        ];
        var offenders = ProductFiles()
            .Where(f => File.ReadAllText(f).Contains("GetZoneOrNull(", StringComparison.Ordinal))
            .Select(Relative)
            .Except(allowed)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void SourceFiles_OverThreeHundredLines_SayWhyAtTheTop()
    {
        var offenders = Directory.EnumerateFiles(RepoPaths.Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Where(f => File.ReadLines(f).Count() > LongFileLines + 5)
            .Where(f => !File.ReadLines(f).TakeWhile(l => !l.StartsWith("namespace ", StringComparison.Ordinal))
                .Any(l => l.StartsWith("// ", StringComparison.Ordinal) && l.Contains("on purpose", StringComparison.Ordinal)))
            .Select(Relative)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Rules_WouldCatchAnOffender()
    {
        Assert.Matches(SystemClock(), "var now = DateTime.UtcNow;");
        Assert.Matches(SystemClock(), "DateTimeOffset.Now");
        Assert.DoesNotMatch(SystemClock(), "clock.GetCurrentInstant()");
        Assert.NotEmpty(ProductFiles());
    }

    private static IEnumerable<string> ProductFiles() =>
        Directory.EnumerateFiles(RepoPaths.Get("functions"), "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f));

    private static bool IsBuildOutput(string path)
    {
        var parts = Path.GetRelativePath(RepoPaths.Root, path).Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or "node_modules" || p.StartsWith('.'));
    }

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Utc)?Now\b")]
    private static partial Regex SystemClock();
}

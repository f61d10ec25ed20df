namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>
/// Builds every Bicep file under infra/ once per test run, into a temporary folder (never into
/// the repository), and keeps the results for the tests to inspect.
/// </summary>
public sealed class CompiledInfra : IDisposable
{
    private readonly string _outputRoot = Path.Combine(Path.GetTempPath(), "mentornudge-infra-" + Guid.NewGuid().ToString("N"));

    public CompiledInfra()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Results = files.ToDictionary(
            f => Path.GetRelativePath(RepoPaths.Infra, f).Replace('\\', '/'),
            f => BicepCli.Build(f, Path.Combine(_outputRoot, Path.GetRelativePath(RepoPaths.Infra, Path.GetDirectoryName(f)!))));
        var main = Results["main.bicep"];
        Main = main.ExitCode == 0 ? ArmTemplate.Load(main.OutputFile) : null;
    }

    /// <summary>Build results keyed by path relative to infra/ (e.g. "app/api.bicep").</summary>
    public IReadOnlyDictionary<string, BicepBuildResult> Results { get; }

    /// <summary>The compiled main template, or null when it did not build.</summary>
    public ArmTemplate? Main { get; }

    public ArmTemplate RequireMain() => Main ?? throw new InvalidOperationException(
        "main.bicep did not build:\n" + Results["main.bicep"].StandardError);

    public void Dispose()
    {
        if (Directory.Exists(_outputRoot))
        {
            Directory.Delete(_outputRoot, recursive: true);
        }
    }
}

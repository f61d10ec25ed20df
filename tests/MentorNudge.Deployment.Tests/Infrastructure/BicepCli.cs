using System.Diagnostics;
using System.Reflection;

namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>Runs the Bicep CLI that restore downloaded (PackageDownload in the project file).</summary>
public static class BicepCli
{
    private static readonly Lazy<string> ExecutableValue = new(Locate);

    public static string Executable => ExecutableValue.Value;

    /// <summary>Compiles one .bicep file into <paramref name="outputDirectory"/>.</summary>
    public static BicepBuildResult Build(string bicepFile, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("build");
        start.ArgumentList.Add(bicepFile);
        start.ArgumentList.Add("--outdir");
        start.ArgumentList.Add(outputDirectory);
        // Offline: no registry restore, no telemetry.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep build did not finish: " + bicepFile);
        }

        var output = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(bicepFile) + ".json");
        return new BicepBuildResult(bicepFile, process.ExitCode, stdout.Result, stderr.Result, output);
    }

    private static string Locate()
    {
        var assembly = typeof(BicepCli).Assembly;
        string? Metadata(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;

        var version = Metadata("BicepCliVersion") ?? throw new InvalidOperationException("BicepCliVersion metadata missing");
        var roots = new[]
        {
            Metadata("NuGetPackageRoot"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        foreach (var root in roots.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var candidate = Path.Combine(root!, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
            if (File.Exists(candidate))
            {
                EnsureExecutable(candidate);
                return candidate;
            }
        }

        throw new FileNotFoundException($"Bicep CLI {version} not found; run `dotnet restore` on the Infra tests.");
    }

    // NuGet extracts packages without the executable bit on some systems.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }
}

using System.Text.Json;
using MentorNudge.Functions.Tests.WorkerProcess.Rpc;

namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>
/// The built Function App as the host finds it: the output folder of functions/MentorNudge.Functions
/// in the configuration these tests were built with (the test project references it, so building
/// the tests builds it), with its <c>functions.metadata</c>.
/// </summary>
public sealed class WorkerArtifact
{
    public const string AssemblyName = "MentorNudge.Functions.dll";

    private WorkerArtifact(string directory)
    {
        Directory = directory;
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "functions.metadata")));
        Functions = metadata.RootElement.EnumerateArray().Select(f => f.Clone()).ToList();
    }

    /// <summary>The folder holding the worker assembly, <c>functions.metadata</c>, <c>host.json</c> and <c>worker.config.json</c>.</summary>
    public string Directory { get; }

    public string AssemblyPath => Path.Combine(Directory, AssemblyName);

    /// <summary>The function entries of <c>functions.metadata</c>, as generated at build time.</summary>
    public IReadOnlyList<JsonElement> Functions { get; }

    public IEnumerable<string> FunctionNames => Functions.Select(f => f.GetProperty("name").GetString()!);

    /// <summary>Finds the built worker; fails with what to build when it is missing.</summary>
    public static WorkerArtifact Locate()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;                       // e.g. net10.0
        var configuration = testOutput.Parent?.Name ?? "Release"; // Release or Debug
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MentorNudge.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No MentorNudge.sln above {AppContext.BaseDirectory}.");
        }

        var bin = Path.Combine(root.FullName, "functions", "MentorNudge.Functions", "bin");
        foreach (var candidate in new[] { configuration, configuration == "Release" ? "Debug" : "Release" })
        {
            var directory = Path.Combine(bin, candidate, framework);
            if (File.Exists(Path.Combine(directory, AssemblyName)) && File.Exists(Path.Combine(directory, "functions.metadata")))
            {
                return new WorkerArtifact(directory);
            }
        }

        throw new InvalidOperationException(
            $"The Functions worker is not built under {bin}: run `dotnet build functions/MentorNudge.Functions -c {configuration}` first.");
    }

    /// <summary>One <c>FunctionLoadRequest</c> per function, built from <c>functions.metadata</c> as the host builds them.</summary>
    public IReadOnlyList<FunctionLoadRequest> LoadRequests()
    {
        var requests = new List<FunctionLoadRequest>();
        foreach (var function in Functions)
        {
            var id = Guid.NewGuid().ToString();
            var metadata = new RpcFunctionMetadata
            {
                FunctionId = id,
                Name = function.GetProperty("name").GetString(),
                Directory = Directory,
                ScriptFile = function.GetProperty("scriptFile").GetString(),
                EntryPoint = function.GetProperty("entryPoint").GetString(),
                Language = function.GetProperty("language").GetString(),
                IsProxy = false,
            };
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                metadata.RawBindings.Add(binding.GetRawText());
                metadata.Bindings[binding.GetProperty("name").GetString()!] = new BindingInfo
                {
                    Type = binding.GetProperty("type").GetString(),
                    Direction = ParseDirection(binding.GetProperty("direction").GetString()),
                    DataType = binding.TryGetProperty("dataType", out var dataType) ? ParseDataType(dataType.GetString()) : BindingInfo.Types.DataType.Undefined,
                };
            }

            requests.Add(new FunctionLoadRequest { FunctionId = id, Metadata = metadata });
        }

        return requests;
    }

    /// <summary>The name of <paramref name="function"/>'s trigger binding (the input the host fills).</summary>
    public string TriggerBindingName(string function)
    {
        var entry = Functions.Single(f => f.GetProperty("name").GetString() == function);
        return entry.GetProperty("bindings").EnumerateArray()
            .First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            .GetProperty("name").GetString()!;
    }

    private static BindingInfo.Types.Direction ParseDirection(string? direction) => direction?.ToLowerInvariant() switch
    {
        "out" => BindingInfo.Types.Direction.Out,
        "inout" => BindingInfo.Types.Direction.Inout,
        _ => BindingInfo.Types.Direction.In,
    };

    private static BindingInfo.Types.DataType ParseDataType(string? dataType) => dataType?.ToLowerInvariant() switch
    {
        "string" => BindingInfo.Types.DataType.String,
        "binary" => BindingInfo.Types.DataType.Binary,
        "stream" => BindingInfo.Types.DataType.Stream,
        _ => BindingInfo.Types.DataType.Undefined,
    };
}

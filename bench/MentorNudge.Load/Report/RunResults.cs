using System.Text.Json;

namespace MentorNudge.Load.Report;

/// <summary>Everything one run measured, as written to <c>artifacts/bench/*.json</c>.</summary>
internal sealed record RunResults(MachineInfo? Machine, string? LoadAtEnd, IReadOnlyList<Figure> Figures)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    public static RunResults Load(string path) =>
        JsonSerializer.Deserialize<RunResults>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no results.");

    /// <summary>All result files of a folder merged: the first machine found, figures in id order.</summary>
    public static RunResults Merge(string folder)
    {
        var runs = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
        var machine = runs.Select(r => r.Machine).FirstOrDefault(m => m is not null);
        var loadAtEnd = runs.Select(r => r.LoadAtEnd).LastOrDefault(l => l is not null);
        var figures = runs.SelectMany(r => r.Figures)
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(f => f.Id.StartsWith('P') ? 0 : 1)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return new RunResults(machine, loadAtEnd, figures);
    }
}

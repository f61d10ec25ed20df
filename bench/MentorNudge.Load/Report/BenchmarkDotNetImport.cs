using System.Globalization;
using System.Text.Json;

namespace MentorNudge.Load.Report;

/// <summary>
/// Reads a BenchmarkDotNet JSON report (<c>--exporters json</c>) and turns one benchmark's mean
/// into a figure, so bench/run-all can put micro-benchmarks (P6) into the same table.
/// </summary>
internal static class BenchmarkDotNetImport
{
    public static Figure Read(string folder, string method, string id, string name, double goalSeconds, string command, string notes)
    {
        var file = Directory.EnumerateFiles(folder, "*-report-full-compressed.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*-report-full.json", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(folder, "*-report.json", SearchOption.AllDirectories))
            .FirstOrDefault() ?? throw new FileNotFoundException($"No BenchmarkDotNet JSON report under {folder}.");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var benchmark = doc.RootElement.GetProperty("Benchmarks").EnumerateArray()
            .First(b => b.GetProperty("Method").GetString() == method);
        var stats = benchmark.GetProperty("Statistics");
        var meanSeconds = stats.GetProperty("Mean").GetDouble() / 1e9;
        var errorSeconds = stats.TryGetProperty("ConfidenceInterval", out var ci) && ci.TryGetProperty("Margin", out var margin) ? margin.GetDouble() / 1e9 : double.NaN;
        var n = stats.GetProperty("N").GetInt32();
        var allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes)
            ? string.Create(CultureInfo.InvariantCulture, $", {bytes.GetDouble() / 1024 / 1024:F0} MB allocated")
            : "";
        var ratio = meanSeconds / goalSeconds;
        return new Figure(
            id,
            name,
            string.Create(CultureInfo.InvariantCulture, $"<= {goalSeconds:0.###} s"),
            string.Create(CultureInfo.InvariantCulture, $"{meanSeconds:F3} s mean (±{errorSeconds:F3} s, {n} iterations{allocated})"),
            string.Create(CultureInfo.InvariantCulture, $"{ratio:F2}"),
            ratio <= 1.0,
            command,
            notes);
    }
}

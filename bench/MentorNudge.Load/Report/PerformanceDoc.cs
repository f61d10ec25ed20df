using System.Text;

namespace MentorNudge.Load.Report;

/// <summary>
/// Writes a run into docs/performance.md: its rows go into the one figures table (rows written by
/// earlier runs of bench/run-all are replaced; everyone else's rows stay as they are), and the
/// machine, the date and one paragraph per figure go into a marked block at the end of the file.
/// </summary>
internal static class PerformanceDoc
{
    public const string Begin = "<!-- bench:results:begin (written by bench/run-all --update-doc) -->";
    public const string End = "<!-- bench:results:end -->";
    private const string Header = "| figure | goal | measured | ratio | command |";
    private const string RunAllTag = "bench/run-all";

    public static string Row(Figure f)
    {
        var met = f.Met switch { true => " — met", false => " — **missed**", null => "" };
        var command = f.Command.Contains(RunAllTag, StringComparison.Ordinal) ? $"`{f.Command}`" : $"`{RunAllTag}` (alone: `{f.Command}`)";
        return $"| {Cell($"{f.Id} {f.Name}")} | {Cell(f.Goal)} | {Cell(f.Measured)} | {Cell(f.Ratio + met)} | {Cell(command)} |";
    }

    public static string Table(IReadOnlyList<Figure> figures)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Header);
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var f in figures)
        {
            sb.AppendLine(Row(f));
        }

        return sb.ToString();
    }

    public static string Block(RunResults run)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Begin);
        sb.AppendLine();
        sb.AppendLine("### The bench/run-all run behind the rows marked `bench/run-all`");
        sb.AppendLine();
        if (run.Machine is { } m)
        {
            sb.AppendLine($"- Date: {m.StartedUtc}.");
            sb.AppendLine($"- Machine: `nproc` {m.Cores}, {m.CpuModel}, {m.Memory} memory, {m.Os}.");
            sb.AppendLine($"- Software: {m.Runtime} (SDK {m.Sdk}), Node {m.Node}, Azurite {m.Azurite} (in memory, started by the run).");
            sb.AppendLine($"- Load average (1/5/15 min) at the start of the run: {m.LoadAtStart}; at the end: {run.LoadAtEnd ?? "unknown"}. With 2 cores, a 1-minute load above ~2 means other work competed for the CPU.");
            sb.AppendLine($"- Otherwise idle: {(Busy(m.LoadAtStart) || Busy(run.LoadAtEnd) ? "no: other builds and tests shared the 2 cores during at least part of the run, so compare figures within this run, not with other runs" : "yes (nothing else used the CPU to speak of)")}.");
            sb.AppendLine();
        }

        foreach (var f in run.Figures)
        {
            if (!string.IsNullOrWhiteSpace(f.Notes))
            {
                sb.AppendLine($"**{f.Id} — {f.Name}.** {f.Notes}");
                sb.AppendLine();
            }
        }

        sb.AppendLine(End);
        return sb.ToString();
    }

    public static void Write(string docPath, RunResults run)
    {
        var text = File.Exists(docPath) ? File.ReadAllText(docPath).Replace("\r\n", "\n", StringComparison.Ordinal) : "# Performance\n";

        // The block (at the end of the file) is replaced whole.
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin >= 0 && end > begin)
        {
            text = text[..begin] + text[(end + End.Length)..].TrimStart('\n');
        }

        var lines = text.Split('\n').ToList();
        var header = lines.FindIndex(l => l.StartsWith("| figure |", StringComparison.Ordinal));
        var rows = run.Figures.Select(Row).ToList();
        int insertAt;
        if (header < 0)
        {
            lines.Add("");
            lines.Add(Header);
            lines.Add("|---|---|---|---|---|");
            insertAt = lines.Count;
        }
        else
        {
            var last = header + 1;
            while (last + 1 < lines.Count && lines[last + 1].StartsWith('|'))
            {
                last++;
            }

            // Rows of earlier run-all runs go; everybody else's stay.
            for (var i = last; i > header + 1; i--)
            {
                if (lines[i].TrimEnd().EndsWith('|') && LastCell(lines[i]).Contains(RunAllTag, StringComparison.Ordinal))
                {
                    lines.RemoveAt(i);
                    last--;
                }
            }

            insertAt = last + 1;
        }

        lines.InsertRange(insertAt, rows);
        var result = string.Join('\n', lines).TrimEnd() + "\n\n" + Block(run);
        while (result.Contains("\n\n\n", StringComparison.Ordinal))
        {
            result = result.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        File.WriteAllText(docPath, result.TrimEnd() + "\n");
    }

    private static bool Busy(string? load) =>
        load is null || !double.TryParse(load.Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var oneMinute) || oneMinute > 2.5;

    private static string LastCell(string row)
    {
        var trimmed = row.TrimEnd().TrimEnd('|');
        var cut = trimmed.LastIndexOf("| ", StringComparison.Ordinal);
        return cut < 0 ? trimmed : trimmed[cut..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;
using NodaTime;

namespace MentorNudge.Cli.Demo;

/// <summary>Prints the timeline as a plain-text table in the user's zone.</summary>
public static class TimelineTable
{
    public static string Format(IEnumerable<TimelineEntry> entries, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zone);
        string[] header = ["Date", "Local time", "Kind", "Person", "What happened"];
        var rows = entries.Select(e =>
        {
            var local = e.At.InZone(zone);
            return new[]
            {
                local.Date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture),
                local.ToString("HH:mm x", CultureInfo.InvariantCulture),
                e.Kind,
                e.Person ?? "",
                e.What,
            };
        }).ToList();
        var widths = Enumerable.Range(0, header.Length - 1)
            .Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max())
            .ToArray();
        var text = new StringBuilder();
        Append(header);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w)).Append(new string('-', 13))));
        foreach (var row in rows)
        {
            Append(row);
        }

        return text.ToString();

        void Append(string[] cells)
        {
            for (var i = 0; i < cells.Length - 1; i++)
            {
                text.Append(cells[i].PadRight(widths[i])).Append("  ");
            }

            text.AppendLine(cells[^1]);
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace MentorNudge.Core.Inbound;

/// <summary>
/// Finds the date an absent person says they are back, in the text of an out-of-office answer.
/// Understands ISO dates (<c>2026-12-02</c>), day-month names in English, German and French
/// (<c>back on 2 December</c>, <c>December 2nd</c>, <c>2. Dezember</c>, <c>2 décembre</c>) and
/// numeric dates (<c>12/03</c>, <c>12.03.2026</c>; read day first unless that is impossible).
/// Deliberately modest: the first plausible date after the message arrived wins.
/// </summary>
public static partial class ReturnDateParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>
    /// The first date in <paramref name="text"/> that falls after <paramref name="received"/> and within a
    /// year of it; a date without a year is taken in the year that makes it the next such date.
    /// Null when the text names no usable date.
    /// </summary>
    /// <param name="text">The body of the automatic answer.</param>
    /// <param name="received">The local date the answer arrived.</param>
    public static LocalDate? FindReturnDate(string? text, LocalDate received)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var candidates = new List<(int Index, LocalDate Date)>();
        foreach (Match m in IsoDate().Matches(text))
        {
            Add(candidates, m.Index, Int(m.Groups["y"]), Int(m.Groups["m"]), Int(m.Groups["d"]), received);
        }

        foreach (Match m in DayMonthName().Matches(text))
        {
            if (Months.TryGetValue(m.Groups["mon"].Value.ToLowerInvariant().TrimEnd('.'), out var month))
            {
                Add(candidates, m.Index, m.Groups["y"].Success ? Int(m.Groups["y"]) : null, month, Int(m.Groups["d"]), received);
            }
        }

        foreach (Match m in MonthNameDay().Matches(text))
        {
            if (Months.TryGetValue(m.Groups["mon"].Value.ToLowerInvariant().TrimEnd('.'), out var month))
            {
                Add(candidates, m.Index, m.Groups["y"].Success ? Int(m.Groups["y"]) : null, month, Int(m.Groups["d"]), received);
            }
        }

        foreach (Match m in NumericDate().Matches(text))
        {
            var a = Int(m.Groups["a"]);
            var b = Int(m.Groups["b"]);
            int? year = m.Groups["y"].Success ? NormalizeYear(Int(m.Groups["y"])) : null;

            // Day first is the common reading outside the US; fall back to month first when day-first is impossible.
            if (b is >= 1 and <= 12)
            {
                Add(candidates, m.Index, year, b, a, received);
            }
            else if (a is >= 1 and <= 12)
            {
                Add(candidates, m.Index, year, a, b, received);
            }
        }

        return candidates.Count == 0 ? null : candidates.OrderBy(c => c.Index).First().Date;
    }

    private static void Add(List<(int, LocalDate)> candidates, int index, int? year, int month, int day, LocalDate received)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return;
        }

        LocalDate? date = year is { } y ? TryDate(y, month, day) : NextOccurrence(month, day, received);
        if (date is { } d && d > received && d <= received.PlusYears(1))
        {
            candidates.Add((index, d));
        }
    }

    private static LocalDate? NextOccurrence(int month, int day, LocalDate received)
    {
        for (var y = received.Year; y <= received.Year + 1; y++)
        {
            if (TryDate(y, month, day) is { } d && d > received)
            {
                return d;
            }
        }

        return null;
    }

    private static LocalDate? TryDate(int year, int month, int day)
    {
        if (year is < 1900 or > 9999 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return null;
        }

        return new LocalDate(year, month, day);
    }

    private static int NormalizeYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> BuildMonths()
    {
        var names = new (int Month, string[] Names)[]
        {
            (1, ["january", "jan", "januar", "jänner", "janvier", "janv"]),
            (2, ["february", "feb", "februar", "février", "fevrier", "févr", "fevr"]),
            (3, ["march", "mar", "märz", "maerz", "mars"]),
            (4, ["april", "apr", "avril", "avr"]),
            (5, ["may", "mai"]),
            (6, ["june", "jun", "juni", "juin"]),
            (7, ["july", "jul", "juli", "juillet", "juil"]),
            (8, ["august", "aug", "août", "aout"]),
            (9, ["september", "sep", "sept", "septembre"]),
            (10, ["october", "oct", "oktober", "okt", "octobre"]),
            (11, ["november", "nov", "novembre"]),
            (12, ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc"]),
        };
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (month, list) in names)
        {
            foreach (var name in list)
            {
                map[name] = month;
            }
        }

        return map;
    }

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th|er|\.)?\s*(?:of\s+)?(?<mon>\p{L}{3,9}\.?)(?:,?\s+(?<y>\d{4}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<mon>\p{L}{3,9}\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"(?<![\d/.])(?<a>\d{1,2})[/.](?<b>\d{1,2})(?:[/.](?<y>\d{4}|\d{2}))?\.?(?![\d/])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumericDate();
}

using System.Text;
using System.Text.RegularExpressions;

namespace MentorNudge.Core.Inbound;

/// <summary>
/// Cuts what a mail client appends below the words the user wrote: the quoted history of a reply
/// (Gmail's "On … wrote:", Outlook's "From: … Sent: …" header block and "-----Original Message-----",
/// Apple Mail's and everyone's "&gt; " lines), a forwarded message, and the signature after the
/// standard "-- " delimiter (RFC 3676) or a "Sent from my …" line. What remains is the outreach itself.
/// </summary>
public static partial class QuotedHistory
{
    /// <summary>The text above the first history marker, without quoted lines, signature or trailing blank lines.</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (IsSignatureDelimiter(line) || IsHistoryStart(lines, i))
            {
                break;
            }

            // Quoted lines go wherever they are (interleaved replies keep the user's own lines).
            if (trimmed.StartsWith('>'))
            {
                continue;
            }

            kept.Append(line.TrimEnd()).Append('\n');
        }

        var result = kept.ToString().Trim('\n', ' ', '\t');
        return BlankRuns().Replace(result, "\n\n");
    }

    private static bool IsSignatureDelimiter(string line) =>
        line is "-- " or "--" || SentFrom().IsMatch(line);

    private static bool IsHistoryStart(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length == 0)
        {
            return false;
        }

        if (OriginalMessage().IsMatch(line) || Forwarded().IsMatch(line))
        {
            return true;
        }

        // Gmail and Apple Mail: "On <date>, <name> <address> wrote:", sometimes wrapped onto a second line.
        if (Wrote().IsMatch(line))
        {
            return true;
        }

        if (WroteStart().IsMatch(line) && i + 1 < lines.Length && WroteEnd().IsMatch(lines[i + 1].Trim()))
        {
            return true;
        }

        // Outlook: a header block "From: …" followed within a few lines by "Sent:"/"Date:" and "To:"/"Subject:".
        if (line.StartsWith("From:", StringComparison.OrdinalIgnoreCase) || (line.StartsWith("*From:*", StringComparison.OrdinalIgnoreCase)))
        {
            var window = lines.Skip(i + 1).Take(5).Select(l => l.Trim().Trim('*')).ToList();
            var dated = window.Any(l => l.StartsWith("Sent:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Date:", StringComparison.OrdinalIgnoreCase));
            var addressed = window.Any(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
            return dated && addressed;
        }

        // Outlook's rule line above that block.
        return line.Length >= 10 && line.All(c => c == '_') && i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith("From:", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^-{2,}\s*Original Message\s*-{2,}$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(-{2,}\s*Forwarded message\s*-{2,}|Begin forwarded message:|-{2,}\s*Forwarded by .*-{2,})$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex Forwarded();

    [GeneratedRegex(@"^(On\s.{4,300}\swrote:|Le\s.{4,300}\sa écrit\s?:|Am\s.{4,300}\sschrieb.{0,200}:)$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex Wrote();

    [GeneratedRegex(@"^(On|Le|Am)\s.{4,300}$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex WroteStart();

    [GeneratedRegex(@"^.{0,200}(wrote|a écrit|schrieb).{0,100}:$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex WroteEnd();

    [GeneratedRegex(@"^Sent from my (iPhone|iPad|Android|mobile|phone|Galaxy|BlackBerry)\b.{0,60}$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex SentFrom();

    [GeneratedRegex(@"\n{3,}", RegexOptions.None, 200)]
    private static partial Regex BlankRuns();
}

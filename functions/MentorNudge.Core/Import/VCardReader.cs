using System.Runtime.CompilerServices;
using System.Text;

namespace MentorNudge.Core.Import;

/// <summary>
/// Reads contacts from vCard 2.1, 3.0 and 4.0 files (RFC 2426, RFC 6350) one card at a time.
/// Handles folded lines, quoted-printable values with soft line breaks (2.1 and Apple's and
/// Outlook's 3.0), CHARSET, escaped characters (<c>\,</c> <c>\;</c> <c>\n</c>, Apple's <c>\:</c>),
/// property groups (<c>item1.EMAIL</c>), several EMAIL and URL lines, N when FN is missing, ORG,
/// TITLE, NOTE and Apple's X-SOCIALPROFILE. Everything else (PHOTO, KEY, …) is skipped without
/// being kept, so a card with a large photo costs no more memory than one line of it.
/// No vCard parser is served to this project; this one is tested on a corpus of Apple, Google and
/// Outlook shapes (tests/MentorNudge.Core.Tests/Import).
/// </summary>
public static class VCardReader
{
    /// <summary>Longest unfolded property kept (a NOTE); longer values are cut.</summary>
    public const int MaxValueLength = 8 * 1024;

    internal static readonly HashSet<string> Wanted = new(StringComparer.OrdinalIgnoreCase)
    {
        "BEGIN", "END", "FN", "N", "EMAIL", "URL", "ORG", "TITLE", "NOTE", "X-SOCIALPROFILE",
    };

    /// <summary>The cards of <paramref name="reader"/>, in file order.</summary>
    /// <exception cref="ContactFileException">No card at all, or a card that never ends.</exception>
    public static async IAsyncEnumerable<ContactCard> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        var cards = 0;
        CardBuilder? card = null;
        VCardPropertyLine? pending = null;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            lineNumber++;
            if (pending is not null && (line.StartsWith(' ') || line.StartsWith('\t')))
            {
                pending.Append(line.AsSpan(1));
                continue;
            }

            if (pending is not null && pending.AwaitsSoftBreak)
            {
                // Quoted-printable soft line break: the value goes on, unindented, on this line.
                pending.Append(line);
                continue;
            }

            if (pending is not null)
            {
                var done = Apply(ref card, pending);
                pending = null;
                if (done is not null)
                {
                    cards++;
                    yield return done;
                }
            }

            if (line.Length > 0)
            {
                pending = VCardPropertyLine.Parse(line, lineNumber);
            }
        }

        if (pending is not null && Apply(ref card, pending) is { } last)
        {
            cards++;
            yield return last;
        }

        if (card is not null)
        {
            throw new ContactFileException($"The vCard starting on line {card.Line} has no END:VCARD.") { Line = card.Line };
        }

        if (cards == 0)
        {
            throw new ContactFileException("No vCard found: the file must contain BEGIN:VCARD … END:VCARD.");
        }
    }

    /// <summary>Applies one unfolded property; returns the card when it was its END.</summary>
    private static ContactCard? Apply(ref CardBuilder? card, VCardPropertyLine property)
    {
        var name = property.Name;
        if (name.Equals("BEGIN", StringComparison.OrdinalIgnoreCase) && property.RawValue.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase))
        {
            card = new CardBuilder(property.Line);
            return null;
        }

        if (card is null)
        {
            return null;
        }

        if (name.Equals("END", StringComparison.OrdinalIgnoreCase) && property.RawValue.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase))
        {
            var done = card.Build();
            card = null;
            return done;
        }

        if (!property.IsWanted)
        {
            return null;
        }

        var value = property.Value();
        switch (name.ToUpperInvariant())
        {
            case "FN":
                card.FullName ??= Unescape(value).Trim();
                break;
            case "N":
                card.StructuredName ??= SplitComponents(value);
                break;
            case "EMAIL":
                card.Emails.Add(Unescape(value).Trim().Replace("mailto:", "", StringComparison.OrdinalIgnoreCase));
                break;
            case "URL":
            case "X-SOCIALPROFILE":
                card.Links.Add(Unescape(value).Trim());
                break;
            case "ORG":
                card.Company ??= SplitComponents(value).FirstOrDefault(s => s.Length > 0);
                break;
            case "TITLE":
                card.Title ??= Unescape(value).Trim();
                break;
            case "NOTE":
                card.Note ??= Unescape(value).Trim();
                break;
        }

        return null;
    }

    /// <summary>Splits a structured value (N, ORG) on unescaped ';' and unescapes each part.</summary>
    private static List<string> SplitComponents(string value)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                current.Append(value[i]).Append(value[i + 1]);
                i++;
            }
            else if (value[i] == ';')
            {
                parts.Add(Unescape(current.ToString()).Trim());
                current.Clear();
            }
            else
            {
                current.Append(value[i]);
            }
        }

        parts.Add(Unescape(current.ToString()).Trim());
        return parts;
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                sb.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The fields of the card being read.</summary>
    private sealed class CardBuilder(int line)
    {
        public int Line { get; } = line;

        public string? FullName { get; set; }

        public List<string>? StructuredName { get; set; }

        public List<string> Emails { get; } = [];

        public List<string> Links { get; } = [];

        public string? Company { get; set; }

        public string? Title { get; set; }

        public string? Note { get; set; }

        public ContactCard Build()
        {
            var name = FullName;
            if (string.IsNullOrWhiteSpace(name) && StructuredName is { } n)
            {
                // N is Family;Given;Additional;Prefix;Suffix.
                string At(int i) => i < n.Count ? n[i] : "";
                name = string.Join(' ', new[] { At(3), At(1), At(2), At(0), At(4) }.Where(s => s.Length > 0));
            }

            return new ContactCard(
                Line,
                name ?? "",
                Emails.Where(e => e.Length > 0).ToList(),
                Links.Where(l => l.Length > 0).ToList(),
                string.IsNullOrWhiteSpace(Company) ? null : Company,
                string.IsNullOrWhiteSpace(Title) ? null : Title,
                string.IsNullOrWhiteSpace(Note) ? null : Note);
        }
    }
}

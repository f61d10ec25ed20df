using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace MentorNudge.Core.Import;

/// <summary>
/// Reads contacts from a CSV file one row at a time (nothing is buffered beyond the current row).
/// The header is the first row naming a name or email column; rows before it are a preamble and
/// are skipped, which is how LinkedIn's <c>Connections.csv</c> starts ("Notes:" and a paragraph).
/// Columns are recognised by name, case-insensitively: LinkedIn's (First Name, Last Name, URL,
/// Email Address, Company, Position), Google's and Outlook's exports (E-mail 1 - Value, E-mail
/// Address, Organization 1 - Name, Job Title, …) and plain ones (name, email, link, company, title, notes).
/// </summary>
public static class ContactCsvReader
{
    /// <summary>How many rows may come before the header.</summary>
    public const int MaxPreambleRows = 50;

    private static readonly string[] FirstNames = ["first name", "firstname", "given name", "first"];
    private static readonly string[] LastNames = ["last name", "lastname", "family name", "surname", "last"];
    private static readonly string[] FullNames = ["name", "full name", "fullname", "display name", "contact name"];
    private static readonly string[] LinkColumns = ["url", "profile url", "profile", "linkedin", "linkedin url", "website", "web page", "web site", "link", "links", "homepage"];
    private static readonly string[] CompanyColumns = ["company", "organization", "organisation", "organization 1 - name", "organization name", "employer"];
    private static readonly string[] TitleColumns = ["position", "job title", "organization 1 - title", "organization title", "title", "role"];
    private static readonly string[] NoteColumns = ["notes", "note"];

    /// <summary>The contacts of <paramref name="reader"/>, in file order.</summary>
    /// <exception cref="ContactFileException">No header row, or a malformed quoted field.</exception>
    public static async IAsyncEnumerable<ContactCard> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var parser = new CsvParser(reader, configuration);
        Columns? columns = null;
        var rows = 0;
        while (await ReadRowAsync(parser).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = parser.Record ?? [];
            var line = parser.RawRow;
            if (columns is null)
            {
                columns = Columns.TryFrom(record);
                if (columns is null && ++rows > MaxPreambleRows)
                {
                    break;
                }

                continue;
            }

            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return columns.Read(record, line);
        }

        if (columns is null)
        {
            throw new ContactFileException("No header row found: the CSV needs a row naming its columns, e.g. \"name,email\" or LinkedIn's \"First Name,Last Name,URL,Email Address,…\".");
        }
    }

    private static async Task<bool> ReadRowAsync(CsvParser parser)
    {
        try
        {
            return await parser.ReadAsync().ConfigureAwait(false);
        }
        catch (CsvHelperException ex)
        {
            throw new ContactFileException("The CSV is malformed near line " + parser.RawRow.ToString(CultureInfo.InvariantCulture) + ".", ex) { Line = parser.RawRow };
        }
    }

    private static string Normalize(string header) =>
        string.Join(' ', header.Trim().Trim('\uFEFF').ToLowerInvariant().Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool IsEmailColumn(string h) =>
        (h.StartsWith("email", StringComparison.Ordinal) || h.StartsWith("e-mail", StringComparison.Ordinal))
        && !h.Contains("type", StringComparison.Ordinal) && !h.Contains("label", StringComparison.Ordinal) && !h.Contains("display", StringComparison.Ordinal);

    // Google's "Website 1 - Value" (its "Website 1 - Type" says home/work).
    private static bool IsNumberedValue(string h, string field) =>
        h.StartsWith(field, StringComparison.Ordinal) && h.EndsWith("value", StringComparison.Ordinal);

    /// <summary>Where each known field sits in the header.</summary>
    private sealed class Columns
    {
        private int _first = -1;
        private int _last = -1;
        private int _full = -1;
        private readonly List<int> _emails = [];
        private readonly List<int> _links = [];
        private int _company = -1;
        private int _title = -1;
        private int _note = -1;

        public static Columns? TryFrom(string[] header)
        {
            var c = new Columns();
            var names = header.Select(Normalize).ToList();

            // When several columns could hold a field (Outlook has "Title" for Mr/Ms and "Job
            // Title"), the one named earlier in the field's list wins.
            c._first = Best(names, FirstNames);
            c._last = Best(names, LastNames);
            c._full = Best(names, FullNames);
            c._company = Best(names, CompanyColumns);
            c._title = Best(names, TitleColumns);
            c._note = Best(names, NoteColumns);
            for (var i = 0; i < names.Count; i++)
            {
                if (IsEmailColumn(names[i]))
                {
                    c._emails.Add(i);
                }
                else if (LinkColumns.Contains(names[i]) || IsNumberedValue(names[i], "website"))
                {
                    c._links.Add(i);
                }
            }

            var named = c._first >= 0 || c._last >= 0 || c._full >= 0;
            return named || c._emails.Count > 0 ? c : null;
        }

        private static int Best(List<string> names, string[] candidates)
        {
            foreach (var candidate in candidates)
            {
                var i = names.IndexOf(candidate);
                if (i >= 0)
                {
                    return i;
                }
            }

            return -1;
        }

        public ContactCard Read(string[] record, int line)
        {
            var name = Field(record, _full);
            if (string.IsNullOrEmpty(name))
            {
                name = string.Join(' ', new[] { Field(record, _first), Field(record, _last) }.Where(s => !string.IsNullOrEmpty(s)));
            }

            return new ContactCard(
                line,
                name ?? "",
                Split(record, _emails),
                Split(record, _links),
                NullIfEmpty(Field(record, _company)),
                NullIfEmpty(Field(record, _title)),
                NullIfEmpty(Field(record, _note)));
        }

        // Google joins several values of one column with " ::: "; people type ';' or ','.
        private static List<string> Split(string[] record, List<int> columns) =>
            columns
                .Select(i => Field(record, i))
                .Where(v => !string.IsNullOrWhiteSpace(v))
                .SelectMany(v => v!.Split([":::", ";", ",", " "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();

        private static string? Field(string[] record, int index) => index >= 0 && index < record.Length ? record[index].Trim() : null;

        private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
    }
}

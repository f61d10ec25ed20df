using MentorNudge.Core.Import;

namespace MentorNudge.Core.Tests.Import;

/// <summary>Reads the contact files under Import/Corpus (written in the shapes Apple, Google, Outlook and LinkedIn export).</summary>
internal static class Corpus
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Corpus", name);

    public static async Task<List<ContactCard>> ReadAsync(string name)
    {
        using var reader = new StreamReader(PathOf(name));
        var cards = name.EndsWith(".vcf", StringComparison.Ordinal) ? VCardReader.ReadAsync(reader) : ContactCsvReader.ReadAsync(reader);
        var list = new List<ContactCard>();
        await foreach (var card in cards)
        {
            list.Add(card);
        }

        return list;
    }

    public static async Task<List<ContactCard>> ReadTextAsync(string text, bool vcard)
    {
        using var reader = new StringReader(text);
        var list = new List<ContactCard>();
        await foreach (var card in vcard ? VCardReader.ReadAsync(reader) : ContactCsvReader.ReadAsync(reader))
        {
            list.Add(card);
        }

        return list;
    }
}

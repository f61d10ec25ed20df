namespace MentorNudge.Core.Import;

/// <summary>The file shapes an import accepts.</summary>
public enum ContactFileFormat
{
    /// <summary>CSV with a header row: LinkedIn's Connections.csv (preamble lines allowed) or any CSV naming its columns.</summary>
    Csv,

    /// <summary>vCard 2.1, 3.0 or 4.0, one or many cards in a file.</summary>
    VCard,
}

namespace MentorNudge.Core.Import;

/// <summary>One contact read from an import file, before it is checked or matched to a person.</summary>
/// <param name="Line">1-based line of the file where the contact starts (the CSV row, or the vCard's BEGIN line).</param>
/// <param name="Name">Display name as given (from FN, N, "Name" or "First Name" + "Last Name"); may be empty.</param>
/// <param name="Emails">Addresses as given, in file order (not yet validated).</param>
/// <param name="Links">Profile and web URLs as given (not yet validated).</param>
/// <param name="Company">Organisation, when given.</param>
/// <param name="Title">Job title or position, when given.</param>
/// <param name="Note">A free-text note, when given.</param>
public sealed record ContactCard(
    int Line,
    string Name,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Links,
    string? Company = null,
    string? Title = null,
    string? Note = null);

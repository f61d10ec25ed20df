namespace MentorNudge.Infrastructure.Import;

/// <summary>What an import did (or would do): counts of every row, and the rows that matter.</summary>
/// <param name="DryRun">True when nothing was written.</param>
/// <param name="Rows">Contacts read.</param>
/// <param name="Created">New people.</param>
/// <param name="Updated">Matched people that gained emails, links or notes.</param>
/// <param name="Unchanged">Matched people with nothing new.</param>
/// <param name="Skipped">Contacts not imported (see their errors).</param>
/// <param name="Details">Created, updated and skipped rows in file order (unchanged ones are only counted), at most <see cref="PeopleImport.MaxDetails"/>.</param>
/// <param name="DetailsTruncated">True when more rows than that were created, updated or skipped.</param>
public sealed record ImportReport(
    bool DryRun,
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    int Skipped,
    IReadOnlyList<ImportRowResult> Details,
    bool DetailsTruncated);

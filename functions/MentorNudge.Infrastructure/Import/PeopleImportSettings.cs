namespace MentorNudge.Infrastructure.Import;

/// <summary>How to run an import.</summary>
/// <param name="DryRun">Report what would happen; write nothing.</param>
/// <param name="KeepInTouchEveryDays">Keep-in-touch interval for the people created (and matched ones without one); null: no nudges.</param>
public sealed record PeopleImportSettings(bool DryRun, int? KeepInTouchEveryDays = null);

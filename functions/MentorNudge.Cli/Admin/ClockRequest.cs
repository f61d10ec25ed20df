namespace MentorNudge.Cli.Admin;

/// <summary>Body of <c>POST /api/v1/admin/clock</c>: exactly one of the two.</summary>
/// <param name="AdvanceBy">An ISO-8601 duration such as <c>P3DT2H</c>.</param>
/// <param name="SetTo">An ISO instant such as <c>2026-03-02T09:00:00Z</c>.</param>
public sealed record ClockRequest(string? AdvanceBy, string? SetTo);

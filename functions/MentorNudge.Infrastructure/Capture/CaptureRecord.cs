namespace MentorNudge.Infrastructure.Capture;

/// <summary>What one captured email did, kept in the user's partition for dedupe and undo (ids only, no content).</summary>
/// <param name="CaptureId">Derived from the Message-ID.</param>
/// <param name="State"><c>pending</c> (being applied), <c>logged</c> or <c>undone</c>.</param>
/// <param name="AskIds">The outreach it logged.</param>
/// <param name="CreatedPersonIds">The people it created.</param>
public sealed record CaptureRecord(string CaptureId, string State, IReadOnlyList<string> AskIds, IReadOnlyList<string> CreatedPersonIds);

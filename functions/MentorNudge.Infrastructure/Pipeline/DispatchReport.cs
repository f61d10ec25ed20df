using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>What one dispatcher tick did.</summary>
/// <param name="From">Cursor before the tick (exclusive).</param>
/// <param name="To">Instant the tick dispatched up to (inclusive).</param>
/// <param name="RowsRead">Due-index rows in the window.</param>
/// <param name="Enqueued">Nudges put on the queue.</param>
/// <param name="Skipped">Rows skipped: nudge gone, no longer Scheduled, being sent, or due elsewhere.</param>
/// <param name="CursorAdvanced">False when another dispatcher moved the cursor first (its tick covered the same rows).</param>
public sealed record DispatchReport(Instant From, Instant To, int RowsRead, int Enqueued, int Skipped, bool CursorAdvanced);

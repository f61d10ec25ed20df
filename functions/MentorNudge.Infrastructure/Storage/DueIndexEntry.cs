using NodaTime;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>One due-index row: a hint that a nudge should be dispatched at <see cref="At"/>.</summary>
/// <param name="PartitionKey">Minute bucket + shard.</param>
/// <param name="RowKey">Ticks of <see cref="At"/>, user id, nudge id.</param>
/// <param name="UserId">Owner of the nudge.</param>
/// <param name="NudgeId">The nudge.</param>
/// <param name="DueAt">The nudge's due instant when the row was written (compared with the nudge at dispatch).</param>
/// <param name="At">When the dispatcher should pick it up: the due instant, or the write time for a nudge already overdue.</param>
public sealed record DueIndexEntry(string PartitionKey, string RowKey, string UserId, string NudgeId, Instant DueAt, Instant At);

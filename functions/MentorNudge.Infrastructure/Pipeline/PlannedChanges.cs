using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>What a re-plan would write: the nudge rows (in the order of <paramref name="Actions"/>) and which of them need a due-index row.</summary>
internal sealed record PlannedChanges(
    IReadOnlyList<StoredNudge> Changes,
    IReadOnlyList<TableTransactionAction> Actions,
    IReadOnlyList<StoredNudge> ToIndex,
    ReplanResult Result);

using Azure;
using Azure.Data.Tables;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>One row change of a user partition, and how to update the loaded copy once it is committed.</summary>
internal sealed record PendingWrite(TableTransactionAction Action, Action<ETag> Committed);

using Azure.Data.Tables;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>
/// Undoes what one captured email logged: its outreach rows are deleted and their pending follow-ups
/// cancelled (one transaction), people it created are deleted when nothing else was logged about
/// them, and the record stays as <c>undone</c> so the same message is not logged again.
/// </summary>
public sealed class CaptureUndo(CaptureRecords records, UserPartitionEditor partitions, People people, ILogger<CaptureUndo> logger)
{
    /// <summary>False when there is no such logged capture (unknown, already undone, still pending).</summary>
    public async Task<bool> UndoAsync(string userId, string captureId, CancellationToken ct = default)
    {
        var record = await records.FindAsync(userId, captureId, ct).ConfigureAwait(false);
        if (record is not { State: "logged" })
        {
            return false;
        }

        await RemoveAsync(userId, record.AskIds, record.CreatedPersonIds, ct).ConfigureAwait(false);
        await records.SaveAsync(userId, record with { State = "undone" }, ct).ConfigureAwait(false);
        logger.LogInformation("Undid capture {CaptureId} of user {UserId}: {Asks} outreach removed", captureId, userId, record.AskIds.Count);
        return true;
    }

    /// <summary>Deletes <paramref name="askIds"/> (cancelling their follow-ups) and the <paramref name="createdPersonIds"/> left with nothing logged.</summary>
    internal async Task RemoveAsync(string userId, IReadOnlyList<string> askIds, IReadOnlyList<string> createdPersonIds, CancellationToken ct)
    {
        var asks = askIds.ToHashSet(StringComparer.Ordinal);
        var (_, partition) = await partitions.ChangeAsync(userId, p =>
        {
            var writes = new List<PendingWrite>();
            foreach (var ask in p.Asks.Values.Where(a => asks.Contains(a.Value.Id)).ToList())
            {
                writes.Add(new(new TableTransactionAction(TableTransactionActionType.Delete, EntityMapper.FromAsk(ask.Value), ask.ETag), _ => p.Asks.Remove(ask.Value.Id)));
            }

            writes.AddRange(UserPartitionEditor.CancelNudges(p, n => n.AskId is { } a && asks.Contains(a), "outreach-undone"));
            return (writes, true);
        }, ct).ConfigureAwait(false);

        foreach (var personId in createdPersonIds)
        {
            var untouched = partition.People.ContainsKey(personId)
                && !partition.Asks.Values.Any(a => a.Value.PersonId == personId)
                && !partition.Interactions.Values.Any(i => i.Value.PersonId == personId);
            if (untouched)
            {
                await people.DeleteAsync(userId, personId, ct).ConfigureAwait(false);
            }
        }
    }
}

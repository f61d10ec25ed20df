using Azure.Data.Tables;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.UseCases;

/// <summary>
/// How every use case changes a user's data: load the partition once, decide the row changes on
/// it, re-plan the partition as it will be, and write the change and the plan's nudge rows If-Match
/// in one entity-group transaction (then the due-index rows). A concurrent change makes the whole
/// thing run again on what is stored now; nothing of a failed transaction was written.
/// </summary>
public sealed class UserPartitionEditor(UserDataRepository data, NudgeScheduler scheduler)
{
    private const int MaxAttempts = 4;

    /// <summary>The user's partition; <see cref="NotFoundException"/> for an unknown user.</summary>
    public async Task<UserPartition> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw NotFoundException.For("user", userId ?? "");
        }

        var p = await data.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        return p.User is null ? throw NotFoundException.For("user", userId) : p;
    }

    /// <summary>Load, change, re-plan, write If-Match; the result of the change and the partition as it now is.</summary>
    internal async Task<(T Result, UserPartition Partition)> ChangeAsync<T>(
        string userId,
        Func<UserPartition, (List<PendingWrite> Writes, T Result)> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var p = await LoadAsync(userId, cancellationToken).ConfigureAwait(false);
            var (writes, result) = change(p);
            try
            {
                // The change and the nudge rows of the plan that follows from it: one transaction.
                await scheduler.WriteAndPlanAsync(p, writes, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            return (result, p);
        }
    }

    internal static PendingWrite ReplaceUser(UserPartition p, User updated)
    {
        var stored = p.User!;
        return new PendingWrite(
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityMapper.FromUser(updated), stored.ETag),
            etag => p.User = new StoredEntity<User>(updated, etag));
    }

    internal static PendingWrite ReplacePerson(UserPartition p, StoredEntity<Person> stored, Person updated) =>
        new(
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityMapper.FromPerson(updated), stored.ETag),
            etag => p.People[updated.Id] = new StoredEntity<Person>(updated, etag));

    internal static List<PendingWrite> CancelNudges(UserPartition p, Func<Nudge, bool> which, string reason) =>
        p.Nudges.Values
            .Where(n => n.Nudge.Status == NudgeStatus.Scheduled && which(n.Nudge))
            .ToList()
            .Select(n =>
            {
                var cancelled = n with { Nudge = n.Nudge with { Status = NudgeStatus.Cancelled, Reason = reason }, LeaseUntil = null };
                return new PendingWrite(NudgeChanges.Replace(cancelled), etag => p.Nudges[n.Id] = cancelled with { ETag = etag });
            })
            .ToList();

    internal static StoredEntity<Person> FindPerson(UserPartition p, string personId) =>
        p.People.TryGetValue(personId ?? "", out var person) ? person : throw NotFoundException.For("person", personId ?? "");

    internal static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");
}

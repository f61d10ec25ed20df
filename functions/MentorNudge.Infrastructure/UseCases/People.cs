using Azure.Data.Tables;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using NodaTime;

namespace MentorNudge.Infrastructure.UseCases;

/// <summary>
/// The people a user cultivates: add, read, find by email, replace, delete, snooze, stop. Scoped by
/// user id: another user's person is simply not found (<see cref="NotFoundException"/>).
/// </summary>
public sealed class People(UserPartitionEditor partitions, IClock clock, UserCaps? caps = null)
{
    public async Task<Person> AddAsync(string userId, PersonDraft draft, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        var id = UserPartitionEditor.NewId("p");
        var (person, _) = await partitions.ChangeAsync(userId, p =>
        {
            (caps ?? UserCaps.Default).EnsureCanAddPerson(p);
            var person = Apply(new Person(id, userId, "", [], draft.Connection, draft.Role, [], [], null, null, clock.GetCurrentInstant()), draft);
            var write = new PendingWrite(
                new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromPerson(person)),
                etag => p.People[person.Id] = new StoredEntity<Person>(person, etag));
            return (new List<PendingWrite> { write }, person);
        }, cancellationToken).ConfigureAwait(false);
        return person;
    }

    public async Task<Person> GetAsync(string userId, string personId, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        return UserPartitionEditor.FindPerson(p, personId).Value;
    }

    /// <summary>The person, or null when the user has no such person (or no such user).</summary>
    public async Task<Person?> FindAsync(string userId, string personId, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        return p.People.TryGetValue(personId ?? "", out var person) ? person.Value : null;
    }

    /// <summary>The person a nudge of the user is about (any status), or null (no such nudge, no person, or the person was deleted).</summary>
    public async Task<Person?> FindByNudgeAsync(string userId, string nudgeId, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        return p.Nudges.TryGetValue(nudgeId ?? "", out var n) && n.Nudge.PersonId is { } personId && p.People.TryGetValue(personId, out var person)
            ? person.Value
            : null;
    }

    public async Task<IReadOnlyList<Person>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        (await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false)).PersonList;

    /// <summary>
    /// The person with <paramref name="email"/> among their addresses (case-insensitive), else with
    /// <paramref name="matchDomain"/> the only person at that domain, else null.
    /// </summary>
    public async Task<Person?> FindByEmailAsync(string userId, string email, bool matchDomain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var people = await ListAsync(userId, cancellationToken).ConfigureAwait(false);
        var exact = people.FirstOrDefault(p => p.Emails.Any(e => e.Equals(email, StringComparison.OrdinalIgnoreCase)));
        if (exact is not null || !matchDomain)
        {
            return exact;
        }

        var domain = Domain(email);
        var byDomain = people.Where(p => p.Emails.Any(e => Domain(e).Equals(domain, StringComparison.OrdinalIgnoreCase))).ToList();

        // Only an unambiguous domain match counts: two people at one company must not be confused.
        return byDomain.Count == 1 ? byDomain[0] : null;
    }

    /// <summary>Replaces the person's editable fields; re-plans (keep-in-touch may move).</summary>
    public async Task<Person> UpdateAsync(string userId, string personId, PersonDraft draft, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        var (updated, _) = await partitions.ChangeAsync(userId, p =>
        {
            var stored = UserPartitionEditor.FindPerson(p, personId);
            var updated = Apply(stored.Value, draft);
            return (new List<PendingWrite> { UserPartitionEditor.ReplacePerson(p, stored, updated) }, updated);
        }, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Deletes the person, their asks and interactions; their pending nudges are cancelled (history stays).</summary>
    public Task DeleteAsync(string userId, string personId, CancellationToken cancellationToken = default) =>
        partitions.ChangeAsync(userId, p =>
        {
            var stored = UserPartitionEditor.FindPerson(p, personId);
            var writes = new List<PendingWrite>
            {
                new(new TableTransactionAction(TableTransactionActionType.Delete, EntityMapper.FromPerson(stored.Value), stored.ETag), _ => p.People.Remove(personId)),
            };
            foreach (var ask in p.Asks.Values.Where(a => a.Value.PersonId == personId).ToList())
            {
                writes.Add(new(new TableTransactionAction(TableTransactionActionType.Delete, EntityMapper.FromAsk(ask.Value), ask.ETag), _ => p.Asks.Remove(ask.Value.Id)));
            }

            foreach (var i in p.Interactions.Values.Where(i => i.Value.PersonId == personId).ToList())
            {
                writes.Add(new(new TableTransactionAction(TableTransactionActionType.Delete, EntityMapper.FromInteraction(i.Value), i.ETag), _ => p.Interactions.Remove(i.Value.Id)));
            }

            writes.AddRange(UserPartitionEditor.CancelNudges(p, n => n.PersonId == personId, "person-deleted"));
            return (writes, true);
        }, cancellationToken);

    /// <summary>No prompts or reminders about the person before <paramref name="until"/>.</summary>
    public async Task<Person> SnoozeAsync(string userId, string personId, Instant until, CancellationToken cancellationToken = default) =>
        (await partitions.ChangeAsync(userId, p =>
        {
            var stored = UserPartitionEditor.FindPerson(p, personId);
            var updated = stored.Value with { SnoozedUntil = until };
            return (new List<PendingWrite> { UserPartitionEditor.ReplacePerson(p, stored, updated) }, updated);
        }, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Stops every nudge about the person; their pending nudges are cancelled.</summary>
    public async Task<Person> StopAsync(string userId, string personId, CancellationToken cancellationToken = default) =>
        (await partitions.ChangeAsync(userId, p =>
        {
            var stored = UserPartitionEditor.FindPerson(p, personId);
            var updated = stored.Value with { Stopped = true };
            var writes = new List<PendingWrite> { UserPartitionEditor.ReplacePerson(p, stored, updated) };
            writes.AddRange(UserPartitionEditor.CancelNudges(p, n => n.PersonId == personId, "person-stopped"));
            return (writes, updated);
        }, cancellationToken).ConfigureAwait(false)).Result;

    private static Person Apply(Person person, PersonDraft d) => person with
    {
        Name = d.Name.Trim(),
        Emails = d.Emails?.Select(e => e.Trim()).ToList() ?? [],
        Connection = d.Connection,
        Role = d.Role,
        Interests = d.Interests?.ToList() ?? [],
        Links = d.Links?.ToList() ?? [],
        Notes = d.Notes,
        KeepInTouchEveryDays = d.KeepInTouchEveryDays,
    };

    private static string Domain(string email) => email[(email.LastIndexOf('@') + 1)..];

    /// <summary>The Core's rules (<see cref="PersonValidator"/>), the same the API reports field by field.</summary>
    private static void Validate(PersonDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var candidate = new Person("new", "new", draft.Name ?? "", draft.Emails ?? [], draft.Connection, draft.Role, draft.Interests ?? [], draft.Links ?? [], draft.Notes, draft.KeepInTouchEveryDays, Instant.MinValue);
        var errors = PersonValidator.Validate(candidate);
        if (errors.Count > 0)
        {
            throw ValidationFailedException.From(errors);
        }
    }
}

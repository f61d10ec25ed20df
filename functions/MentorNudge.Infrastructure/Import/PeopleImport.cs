using Azure.Data.Tables;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Import;
using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Import;

/// <summary>
/// Imports a user's network (LinkedIn connections, vCards, a CSV) into their people. Each contact
/// is matched to a person by email, else by profile URL, else (when it has neither) by name;
/// a match gains the contact's new emails, links and notes and keeps everything the user wrote;
/// no match creates a person (connection <c>existing</c>, role <c>other</c>, keep-in-touch only when
/// asked), so importing the same file twice creates nothing new.
/// <para>
/// The contacts are read twice when committing: once to check the whole file (a broken file
/// writes nothing), then again to write. Writes are entity-group transactions of at most 100 rows
/// in the user's partition; the user is re-planned once at the end. Memory holds the user's
/// partition (as every request does) plus one transaction, never the file.
/// </para>
/// <para>
/// The people cap (<see cref="UserCapsOptions.MaxPeople"/>) holds: a contact that would create a
/// person beyond it is skipped with an error on <c>file</c>, in the dry run and the commit alike
/// (updates of people already stored are not capped).
/// </para>
/// </summary>
public sealed class PeopleImport(UserDataRepository data, NudgeScheduler scheduler, IClock clock, ILogger<PeopleImport> logger, UserCaps? caps = null)
{
    /// <summary>Most contacts in one import.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Most rows listed in <see cref="ImportReport.Details"/>.</summary>
    public const int MaxDetails = 1_000;

    private const int BatchSize = 100;

    /// <summary>
    /// Runs the import. <paramref name="contacts"/> opens the file from its start each time it is called
    /// (twice when committing).
    /// </summary>
    /// <exception cref="ContactFileException">The file is unreadable (nothing was written).</exception>
    /// <exception cref="ValidationFailedException">More than <see cref="MaxRows"/> contacts (nothing was written).</exception>
    /// <exception cref="ConcurrencyConflictException">A person changed while importing; the transactions before it are written, and running the import again completes it.</exception>
    public async Task<ImportReport> ImportAsync(
        string userId,
        Func<IAsyncEnumerable<ContactCard>> contacts,
        PeopleImportSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(settings);
        var partition = await data.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        if (partition.User is null)
        {
            throw NotFoundException.For("user", userId);
        }

        var preview = await RunAsync(partition, contacts(), settings, write: false, cancellationToken).ConfigureAwait(false);
        if (settings.DryRun || preview.Created + preview.Updated == 0)
        {
            // Nothing to write is a finished commit, not a dry run.
            return preview with { DryRun = settings.DryRun };
        }

        // The dry pass changed only the loaded copy: start again from what is stored.
        partition = await data.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        var report = await RunAsync(partition, contacts(), settings, write: true, cancellationToken).ConfigureAwait(false);
        try
        {
            await scheduler.ApplyAsync(partition, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            await scheduler.ReplanAsync(userId, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation(
            "Imported people for {UserId}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped",
            userId, report.Created, report.Updated, report.Unchanged, report.Skipped);
        return report;
    }

    private async Task<ImportReport> RunAsync(UserPartition partition, IAsyncEnumerable<ContactCard> contacts, PeopleImportSettings settings, bool write, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var index = new PersonIndex(partition.People.Values.Select(p => p.Value));
        var batch = new TransactionBatch(data, partition);
        var details = new List<ImportRowResult>();
        int rows = 0, created = 0, updated = 0, unchanged = 0, skipped = 0;
        var truncated = false;

        await foreach (var card in contacts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++rows > MaxRows)
            {
                throw ValidationFailedException.For("file", $"At most {MaxRows} contacts per import; split the file.");
            }

            var contact = ImportedContact.From(card);
            var matchId = index.Find(contact);
            ImportRowResult result;
            if (matchId is null)
            {
                var person = new Person(
                    "p" + Guid.NewGuid().ToString("N"), partition.UserId, contact.Name, contact.Emails, Connection.Existing, PersonRole.Other,
                    [], contact.Links, contact.Notes, settings.KeepInTouchEveryDays, now);
                result = partition.People.Count >= (caps ?? UserCaps.Default).MaxPeople
                    ? OverCap(card, (caps ?? UserCaps.Default).MaxPeople)
                    : Check(card, person, ImportAction.Created, write ? person.Id : null);
                if (result.Action == ImportAction.Created)
                {
                    created++;
                    index.Add(person);
                    await batch.AddAsync(person, isNew: true, write, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var existing = partition.People[matchId].Value;
                var merged = contact.MergeInto(existing, settings.KeepInTouchEveryDays);
                if (merged is null)
                {
                    unchanged++;
                    continue;
                }

                result = Check(card, merged, ImportAction.Updated, matchId);
                if (result.Action == ImportAction.Updated)
                {
                    updated++;
                    index.Add(merged);
                    await batch.AddAsync(merged, isNew: false, write, cancellationToken).ConfigureAwait(false);
                }
            }

            if (result.Action == ImportAction.Skipped)
            {
                skipped++;
            }

            if (details.Count < MaxDetails)
            {
                details.Add(result);
            }
            else
            {
                truncated = true;
            }
        }

        if (write)
        {
            await batch.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ImportReport(!write, rows, created, updated, unchanged, skipped, details, truncated);
    }

    private static ImportRowResult OverCap(ContactCard card, int max) =>
        new(card.Line, ImportAction.Skipped, null, card.Name, [new FieldError("file", CapExceededException.For("people", max, "people").Message)]);

    private static ImportRowResult Check(ContactCard card, Person person, ImportAction action, string? personId)
    {
        var errors = PersonValidator.Validate(person);
        return errors.Count == 0
            ? new ImportRowResult(card.Line, action, personId, person.Name, [])
            : new ImportRowResult(card.Line, ImportAction.Skipped, null, card.Name, errors);
    }

    /// <summary>Pending row writes of one partition, submitted as one transaction when 100 are waiting.</summary>
    private sealed class TransactionBatch(UserDataRepository data, UserPartition partition)
    {
        private readonly List<(Person Person, TableTransactionAction Action)> _pending = [];

        public async Task AddAsync(Person person, bool isNew, bool write, CancellationToken cancellationToken)
        {
            if (!write)
            {
                // A dry run only remembers the person, so later rows of the file match it.
                partition.People[person.Id] = new StoredEntity<Person>(person, default);
                return;
            }

            // One transaction cannot change a row twice (the file named the person twice).
            if (_pending.Any(p => p.Person.Id == person.Id))
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            var etag = isNew ? default : partition.People[person.Id].ETag;
            var action = isNew
                ? new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromPerson(person))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityMapper.FromPerson(person), etag);
            _pending.Add((person, action));

            // Later rows of the file naming the same person merge into this version.
            partition.People[person.Id] = new StoredEntity<Person>(person, etag);
            if (_pending.Count >= BatchSize)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var etags = await data.SubmitAsync(_pending.Select(p => p.Action).ToList(), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < _pending.Count; i++)
            {
                partition.People[_pending[i].Person.Id] = new StoredEntity<Person>(_pending[i].Person, etags[i]);
            }

            _pending.Clear();
        }
    }
}

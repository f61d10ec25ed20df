using System.Buffers.Text;
using System.Net.Mail;
using System.Security.Cryptography;
using Azure.Data.Tables;
using MentorNudge.Azure.Email.DeliveryReports;
using MentorNudge.Azure.Storage;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Azure.Pipeline;

/// <summary>
/// The application service the HTTP API and the local host call: users and tokens, people,
/// outreach, replies, interactions, schedule, history, export and erasure. Every method is scoped
/// by user id (another user's ids are simply not found). Every change is written If-Match on what
/// was read (retried on a concurrent change), then the user is re-planned at once.
/// </summary>
public sealed class MentorNudgeService(
    UserDataRepository data,
    TokenStore tokens,
    DeliveryMap deliveries,
    NudgeScheduler scheduler,
    IClock clock,
    ILogger<MentorNudgeService> logger)
{
    private const int MaxAttempts = 4;
    private static readonly HashSet<string> UndeliverableStatuses = new(StringComparer.OrdinalIgnoreCase) { "Bounced", "Suppressed", "Failed" };

    // ---- users and tokens -------------------------------------------------------------------

    /// <summary>Creates a user and their first API token (256 random bits, base64url; stored as SHA-256).</summary>
    public async Task<CreatedUser> CreateUserAsync(string email, UserSettings settings, string? displayName = null, CancellationToken cancellationToken = default)
    {
        Validate(email, settings);
        var now = clock.GetCurrentInstant();
        var user = new User(NewId("u"), email.Trim(), settings, now, displayName);
        var token = NewToken();
        var hash = StorageKeys.HashToken(token);
        await data.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromUser(user)),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(user.Id, StorageKeys.Token(hash))),
            ],
            cancellationToken).ConfigureAwait(false);
        await tokens.AddAsync(hash, user.Id, now, cancellationToken).ConfigureAwait(false);
        await ReplanAsync(user.Id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Created user {UserId}", user.Id);
        return new CreatedUser(user.Id, token);
    }

    /// <summary>The user id of a valid token (neither revoked nor expired): one point read; null otherwise.</summary>
    public async Task<string?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }

        return await tokens.FindUserAsync(StorageKeys.HashToken(token.Trim()), clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Issues an additional token for the user (rotation: issue, then revoke the old one).</summary>
    public async Task<string> IssueTokenAsync(string userId, CancellationToken cancellationToken = default)
    {
        _ = await GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var token = NewToken();
        var hash = StorageKeys.HashToken(token);
        await data.SubmitAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(userId, StorageKeys.Token(hash)))], cancellationToken).ConfigureAwait(false);
        await tokens.AddAsync(hash, userId, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>Revokes one of the user's tokens (a token of another user is not found).</summary>
    public async Task RevokeTokenAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        var hash = StorageKeys.HashToken(token.Trim());
        var partition = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!partition.TokenHashes.Contains(hash))
        {
            throw NotFoundException.For("token", "(hidden)");
        }

        await tokens.RevokeAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes every token of the user.</summary>
    public async Task RevokeAllTokensAsync(string userId, CancellationToken cancellationToken = default)
    {
        var partition = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
        foreach (var hash in partition.TokenHashes)
        {
            await tokens.RevokeAsync(hash, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        (await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false)).User!.Value;

    /// <summary>Replaces email, display name and settings; re-plans at once.</summary>
    public Task<User> UpdateUserAsync(string userId, string email, UserSettings settings, string? displayName = null, CancellationToken cancellationToken = default)
    {
        Validate(email, settings);
        return MutateAsync(userId, p =>
        {
            var updated = p.User!.Value with { Email = email.Trim(), Settings = settings, DisplayName = displayName };
            return (new List<PendingWrite> { ReplaceUser(p, updated) }, updated);
        }, cancellationToken);
    }

    /// <summary>Stops all email to the user (the one-click unsubscribe); future nudges are cancelled unless a webhook is set.</summary>
    public Task UnsubscribeAsync(string userId, CancellationToken cancellationToken = default) =>
        MutateAsync(userId, p =>
        {
            var updated = p.User!.Value with { Unsubscribed = true };
            return (new List<PendingWrite> { ReplaceUser(p, updated) }, true);
        }, cancellationToken);

    // ---- people ---------------------------------------------------------------------------

    public Task<Person> AddPersonAsync(string userId, PersonDraft draft, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        var id = NewId("p");
        return MutateAsync(userId, p =>
        {
            var person = Apply(new Person(id, userId, "", [], draft.Connection, draft.Role, [], [], null, null, clock.GetCurrentInstant()), draft);
            var write = new PendingWrite(
                new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromPerson(person)),
                etag => p.People[person.Id] = new StoredEntity<Person>(person, etag));
            return (new List<PendingWrite> { write }, person);
        }, cancellationToken);
    }

    public async Task<Person> GetPersonAsync(string userId, string personId, CancellationToken cancellationToken = default)
    {
        var p = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
        return FindPerson(p, personId).Value;
    }

    public async Task<IReadOnlyList<Person>> ListPeopleAsync(string userId, CancellationToken cancellationToken = default) =>
        (await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false)).PersonList;

    /// <summary>Replaces the person's editable fields; re-plans (keep-in-touch may move).</summary>
    public Task<Person> UpdatePersonAsync(string userId, string personId, PersonDraft draft, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return MutateAsync(userId, p =>
        {
            var stored = FindPerson(p, personId);
            var updated = Apply(stored.Value, draft);
            return (new List<PendingWrite> { ReplacePerson(p, stored, updated) }, updated);
        }, cancellationToken);
    }

    /// <summary>Deletes the person, their asks and interactions; their pending nudges are cancelled (history stays).</summary>
    public Task DeletePersonAsync(string userId, string personId, CancellationToken cancellationToken = default) =>
        MutateAsync(userId, p =>
        {
            var stored = FindPerson(p, personId);
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

            writes.AddRange(CancelNudges(p, n => n.PersonId == personId, "person-deleted"));
            return (writes, true);
        }, cancellationToken);

    /// <summary>No prompts or reminders about the person before <paramref name="until"/>.</summary>
    public Task<Person> SnoozePersonAsync(string userId, string personId, Instant until, CancellationToken cancellationToken = default) =>
        MutateAsync(userId, p =>
        {
            var stored = FindPerson(p, personId);
            var updated = stored.Value with { SnoozedUntil = until };
            return (new List<PendingWrite> { ReplacePerson(p, stored, updated) }, updated);
        }, cancellationToken);

    /// <summary>Stops every nudge about the person; their pending nudges are cancelled.</summary>
    public Task<Person> StopPersonAsync(string userId, string personId, CancellationToken cancellationToken = default) =>
        MutateAsync(userId, p =>
        {
            var stored = FindPerson(p, personId);
            var updated = stored.Value with { Stopped = true };
            var writes = new List<PendingWrite> { ReplacePerson(p, stored, updated) };
            writes.AddRange(CancelNudges(p, n => n.PersonId == personId, "person-stopped"));
            return (writes, updated);
        }, cancellationToken);

    // ---- outreach, replies, interactions ----------------------------------------------------

    /// <summary>Logs an outreach (an ask awaiting an answer) and schedules its follow-up reminders.</summary>
    public async Task<OutreachResult> LogOutreachAsync(string userId, string personId, OutreachDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetCurrentInstant();
        if (draft.SentAt is { } sentAt && sentAt > now + Duration.FromMinutes(5))
        {
            throw ValidationFailedException.For("sentAt", "An outreach cannot be sent in the future.");
        }

        var id = NewId("a");
        var (ask, partition) = await MutateWithPartitionAsync(userId, p =>
        {
            _ = FindPerson(p, personId);
            var ask = new Ask(id, userId, personId, draft.SentAt ?? now, Trim(draft.Channel), Trim(draft.Subject), draft.Text);
            var write = new PendingWrite(
                new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromAsk(ask)),
                etag => p.Asks[ask.Id] = new StoredEntity<Ask>(ask, etag));
            return (new List<PendingWrite> { write }, ask);
        }, cancellationToken).ConfigureAwait(false);

        var zone = NudgeSender.ZoneOf(partition.User!.Value);
        var followUps = partition.Nudges.Values
            .Where(n => n.Nudge.AskId == ask.Id && n.Nudge.Kind == NudgeKind.FollowUp)
            .OrderBy(n => n.Nudge.Step)
            .Select(n => ScheduledNudge.From(n, zone))
            .ToList();
        return new OutreachResult(ask, followUps);
    }

    /// <summary>
    /// The person answered: every awaiting ask to them sent at or before <paramref name="receivedAt"/>
    /// is answered and its pending follow-ups are cancelled, in one atomic write.
    /// </summary>
    public Task<ReplyResult> LogReplyAsync(string userId, string personId, Instant? receivedAt = null, CancellationToken cancellationToken = default)
    {
        var at = receivedAt ?? clock.GetCurrentInstant();
        return MutateAsync(userId, p =>
        {
            _ = FindPerson(p, personId);
            var answered = p.Asks.Values.Where(a => a.Value.PersonId == personId && a.Value.IsAwaiting && a.Value.SentAt <= at).ToList();
            var writes = new List<PendingWrite>();
            foreach (var stored in answered)
            {
                var updated = stored.Value with { AnsweredAt = at };
                writes.Add(new(
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityMapper.FromAsk(updated), stored.ETag),
                    etag => p.Asks[updated.Id] = new StoredEntity<Ask>(updated, etag)));
            }

            var askIds = answered.Select(a => a.Value.Id).ToHashSet(StringComparer.Ordinal);
            var cancels = CancelNudges(p, n => n.Kind == NudgeKind.FollowUp && n.AskId is { } a && askIds.Contains(a), "answered");
            writes.AddRange(cancels);
            return (writes, new ReplyResult(answered.Select(a => a.Value with { AnsweredAt = at }).ToList(), cancels.Count));
        }, cancellationToken);
    }

    /// <summary>
    /// Logs something the user did with or for the person. Cancels the pending follow-ups of asks
    /// sent before it (they are in touch again) and lets the planner reset keep-in-touch.
    /// </summary>
    public Task<Interaction> LogInteractionAsync(string userId, string personId, InteractionKind kind, Instant? at = null, string? note = null, CancellationToken cancellationToken = default)
    {
        var when = at ?? clock.GetCurrentInstant();
        var id = NewId("i");
        return MutateAsync(userId, p =>
        {
            _ = FindPerson(p, personId);
            var interaction = new Interaction(id, userId, personId, kind, when, note);
            var writes = new List<PendingWrite>
            {
                new(new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromInteraction(interaction)),
                    etag => p.Interactions[interaction.Id] = new StoredEntity<Interaction>(interaction, etag)),
            };
            var askIds = p.Asks.Values.Where(a => a.Value.PersonId == personId && a.Value.SentAt <= when).Select(a => a.Value.Id).ToHashSet(StringComparer.Ordinal);
            writes.AddRange(CancelNudges(p, n => n.Kind == NudgeKind.FollowUp && n.AskId is { } a && askIds.Contains(a), "interaction"));
            return (writes, interaction);
        }, cancellationToken);
    }

    // ---- schedule, history, export, erasure -----------------------------------------------

    /// <summary>Scheduled nudges due in [<paramref name="from"/>, <paramref name="to"/>), in due order.</summary>
    public async Task<IReadOnlyList<ScheduledNudge>> GetScheduleAsync(string userId, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        var p = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var zone = NudgeSender.ZoneOf(p.User!.Value);
        return p.Nudges.Values
            .Where(n => n.Nudge.Status == NudgeStatus.Scheduled && n.Nudge.DueAt >= from && n.Nudge.DueAt < to)
            .OrderBy(n => n.Nudge.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => ScheduledNudge.From(n, zone))
            .ToList();
    }

    /// <summary>Nudges no longer scheduled (sent, cancelled, skipped, failed), newest first.</summary>
    public async Task<IReadOnlyList<ScheduledNudge>> GetNudgeHistoryAsync(string userId, CancellationToken cancellationToken = default)
    {
        var p = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var zone = NudgeSender.ZoneOf(p.User!.Value);
        return p.Nudges.Values
            .Where(n => n.Nudge.Status != NudgeStatus.Scheduled)
            .OrderByDescending(n => n.Nudge.SentAt ?? n.Nudge.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => ScheduledNudge.From(n, zone))
            .ToList();
    }

    public async Task<UserExport> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        var p = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var zone = NudgeSender.ZoneOf(p.User!.Value);
        return new UserExport(
            p.User.Value,
            p.PersonList,
            p.AskList,
            p.InteractionList,
            p.Nudges.Values.OrderBy(n => n.Nudge.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).Select(n => ScheduledNudge.From(n, zone)).ToList());
    }

    /// <summary>
    /// Erases the user: tokens first (no more access), then every row of the partition, the user
    /// row last. Due-index rows and queued messages that remain name a nudge that no longer
    /// exists, so they are skipped; delivery-map rows hold ids only and lead nowhere.
    /// </summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var p = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
        foreach (var hash in p.TokenHashes)
        {
            await tokens.DeleteAsync(hash, cancellationToken).ConfigureAwait(false);
        }

        await data.DeletePartitionAsync(p, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Erased user {UserId}", userId);
    }

    /// <summary>
    /// Applies an email delivery report. <paramref name="messageKey"/> is the provider message id
    /// (or the message key when the provider returned none). Bounced, Suppressed and Failed mark
    /// the user's address undeliverable (email nudges stop until the address is changed).
    /// False when the message is unknown.
    /// </summary>
    public async Task<bool> RecordDeliveryReportAsync(string messageKey, string status, CancellationToken cancellationToken = default)
    {
        var found = await deliveries.FindAsync(messageKey, cancellationToken).ConfigureAwait(false);
        if (found is not { } target)
        {
            return false;
        }

        var undeliverable = UndeliverableStatuses.Contains(status);
        try
        {
            await MutateAsync(target.UserId, p =>
            {
                var writes = new List<PendingWrite>();
                if (p.Nudges.TryGetValue(target.NudgeId, out var n))
                {
                    var updated = n with { Nudge = n.Nudge with { DeliveryStatus = status } };
                    writes.Add(new(NudgeChanges.Replace(updated), etag => p.Nudges[updated.Id] = updated with { ETag = etag }));
                }

                if (undeliverable && !p.User!.Value.EmailUndeliverable)
                {
                    writes.Add(ReplaceUser(p, p.User.Value with { EmailUndeliverable = true }));
                }

                return (writes, true);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (undeliverable)
        {
            logger.LogWarning("Address of user {UserId} is undeliverable ({Status})", target.UserId, status);
        }

        return true;
    }

    /// <summary>Applies a parsed ACS delivery report (its operation id is the sender's provider message id).</summary>
    public Task<bool> RecordDeliveryReportAsync(EmailDeliveryReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = report.Status == EmailDeliveryStatus.Unknown ? report.RawStatus : report.Status.ToString();
        return RecordDeliveryReportAsync(report.OperationId, status, cancellationToken);
    }

    /// <summary>Re-plans the user now (also what every change above ends with).</summary>
    public Task<ReplanResult> ReplanAsync(string userId, CancellationToken cancellationToken = default) =>
        scheduler.ReplanAsync(userId, cancellationToken);

    // ---- plumbing -------------------------------------------------------------------------

    private async Task<UserPartition> LoadUserAsync(string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw NotFoundException.For("user", userId ?? "");
        }

        var p = await data.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        return p.User is null ? throw NotFoundException.For("user", userId) : p;
    }

    private async Task<T> MutateAsync<T>(string userId, Func<UserPartition, (List<PendingWrite> Writes, T Result)> change, CancellationToken cancellationToken) =>
        (await MutateWithPartitionAsync(userId, change, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Load, change, write If-Match, re-plan; the whole thing again on a concurrent change.</summary>
    private async Task<(T Result, UserPartition Partition)> MutateWithPartitionAsync<T>(
        string userId,
        Func<UserPartition, (List<PendingWrite> Writes, T Result)> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var p = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
            var (writes, result) = change(p);
            try
            {
                var etags = await data.SubmitAsync(writes.Select(w => w.Action).ToList(), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < writes.Count; i++)
                {
                    writes[i].Committed(etags[i]);
                }
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            try
            {
                await scheduler.ApplyAsync(p, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone changed the partition meanwhile: plan again from what is stored now.
                await scheduler.ReplanAsync(userId, cancellationToken).ConfigureAwait(false);
                p = await LoadUserAsync(userId, cancellationToken).ConfigureAwait(false);
            }

            return (result, p);
        }
    }

    private static PendingWrite ReplaceUser(UserPartition p, User updated)
    {
        var stored = p.User!;
        return new PendingWrite(
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityMapper.FromUser(updated), stored.ETag),
            etag => p.User = new StoredEntity<User>(updated, etag));
    }

    private static PendingWrite ReplacePerson(UserPartition p, StoredEntity<Person> stored, Person updated) =>
        new(
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityMapper.FromPerson(updated), stored.ETag),
            etag => p.People[updated.Id] = new StoredEntity<Person>(updated, etag));

    private static List<PendingWrite> CancelNudges(UserPartition p, Func<Nudge, bool> which, string reason) =>
        p.Nudges.Values
            .Where(n => n.Nudge.Status == NudgeStatus.Scheduled && which(n.Nudge))
            .ToList()
            .Select(n =>
            {
                var cancelled = n with { Nudge = n.Nudge with { Status = NudgeStatus.Cancelled, Reason = reason }, LeaseUntil = null };
                return new PendingWrite(NudgeChanges.Replace(cancelled), etag => p.Nudges[n.Id] = cancelled with { ETag = etag });
            })
            .ToList();

    private static StoredEntity<Person> FindPerson(UserPartition p, string personId) =>
        p.People.TryGetValue(personId ?? "", out var person) ? person : throw NotFoundException.For("person", personId ?? "");

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

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static void Validate(string email, UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(email) || !MailAddress.TryCreate(email.Trim(), out _))
        {
            errors["email"] = ["A valid email address is required."];
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZoneId ?? "") is null)
        {
            errors["timeZone"] = ["An IANA time zone id is required, e.g. Europe/London."];
        }

        if (settings.Country is not { Length: 2 } || !settings.Country.All(char.IsAsciiLetterUpper))
        {
            errors["country"] = ["An ISO 3166-1 alpha-2 code is required, e.g. GB."];
        }

        if (settings.WorkDays is null || settings.WorkDays.Count == 0 || settings.WorkDays.Any(d => d == IsoDayOfWeek.None))
        {
            errors["workDays"] = ["At least one work day is required."];
        }

        var f = settings.FollowUp;
        if (f is null || f.FirstAfterBusinessDays is < 1 or > 60 || f.ThenAfterBusinessDays is < 1 or > 60 || f.MaxFollowUps is < 0 or > 5)
        {
            errors["followUp"] = ["Business days must be 1–60 and maxFollowUps 0–5."];
        }

        if (settings.WeeklyDigest is null || settings.WeeklyDigest.Day == IsoDayOfWeek.None || settings.WeeklyDigest.MaxPrompts is < 1 or > 10)
        {
            errors["weeklyDigest"] = ["A day and 1–10 prompts are required."];
        }

        if (settings.Webhook is { } w && (!w.Url.IsAbsoluteUri || (w.Url.Scheme != Uri.UriSchemeHttps && w.Url.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(w.Secret)))
        {
            errors["webhook"] = ["An absolute http(s) URL and a secret are required."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private static void Validate(PersonDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            errors["name"] = ["A name (up to 200 characters) is required."];
        }

        if (draft.Emails?.Any(e => !MailAddress.TryCreate(e?.Trim(), out _)) == true)
        {
            errors["emails"] = ["Every email must be a valid address."];
        }

        if (draft.Links?.Any(l => !Uri.TryCreate(l, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp)) == true)
        {
            errors["links"] = ["Links must be absolute http(s) URLs."];
        }

        if (draft.KeepInTouchEveryDays is < 1 or > 3650)
        {
            errors["keepInTouchEveryDays"] = ["Must be between 1 and 3650 days."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// Domain records ↔ table entities. Instants are stored as Unix ticks (Int64) so nothing is lost
/// to the service's DateTime precision; lists and settings as small JSON documents.
/// </summary>
internal static class EntityMapper
{
    // Unescaped non-ASCII: "\u00E9" would take six of a property's 32K characters for one; this is
    // storage, never HTML, so the relaxed encoder is safe here.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TableEntity FromUser(User user)
    {
        var settings = user.Settings;
        var doc = new SettingsDocument(
            settings.TimeZoneId,
            settings.Country,
            settings.WorkDays.Select(d => (int)d).ToArray(),
            LocalTimePattern.ExtendedIso.Format(settings.ReminderTime),
            (int)settings.WeeklyDigest.Day,
            LocalTimePattern.ExtendedIso.Format(settings.WeeklyDigest.Time),
            settings.WeeklyDigest.MaxPrompts,
            settings.WeeklyDigest.Enabled,
            settings.FollowUp.FirstAfterBusinessDays,
            settings.FollowUp.ThenAfterBusinessDays,
            settings.FollowUp.MaxFollowUps,
            settings.VacationUntil is { } v ? LocalDatePattern.Iso.Format(v) : null,
            settings.ExtraHolidays?.Select(LocalDatePattern.Iso.Format).ToArray(),
            settings.Webhook?.Url.AbsoluteUri,
            settings.Webhook is { } w ? (int)w.Format : null,
            settings.Webhook?.Secret,
            settings.Webhook?.InboundSecret);
        return new TableEntity(user.Id, StorageKeys.UserRow)
        {
            ["Email"] = user.Email,
            ["DisplayName"] = user.DisplayName,
            ["CreatedAt"] = user.CreatedAt.ToUnixTimeTicks(),
            ["Unsubscribed"] = user.Unsubscribed,
            ["EmailUndeliverable"] = user.EmailUndeliverable,
            ["Settings"] = JsonSerializer.Serialize(doc, Json),
        };
    }

    public static User ToUser(TableEntity e)
    {
        var doc = JsonSerializer.Deserialize<SettingsDocument>(e.GetString("Settings"), Json)
            ?? throw new InvalidDataException("User row without settings.");
        var settings = new UserSettings(
            doc.TimeZoneId,
            doc.Country,
            doc.WorkDays.Select(d => (IsoDayOfWeek)d).ToArray(),
            LocalTimePattern.ExtendedIso.Parse(doc.ReminderTime).Value,
            new WeeklyDigestSettings((IsoDayOfWeek)doc.DigestDay, LocalTimePattern.ExtendedIso.Parse(doc.DigestTime).Value, doc.DigestMaxPrompts, doc.DigestEnabled),
            new FollowUpPolicy(doc.FirstAfterBusinessDays, doc.ThenAfterBusinessDays, doc.MaxFollowUps),
            doc.VacationUntil is null ? null : LocalDatePattern.Iso.Parse(doc.VacationUntil).Value,
            doc.ExtraHolidays?.Select(h => LocalDatePattern.Iso.Parse(h).Value).ToArray(),
            doc.WebhookUrl is null ? null : new WebhookSettings(new Uri(doc.WebhookUrl), (WebhookFormat)(doc.WebhookFormat ?? 0), doc.WebhookSecret ?? "", doc.WebhookInboundSecret));
        return new User(
            e.PartitionKey,
            e.GetString("Email"),
            settings,
            Instant.FromUnixTimeTicks(e.GetInt64("CreatedAt") ?? 0),
            e.GetString("DisplayName"),
            e.GetBoolean("Unsubscribed") ?? false,
            e.GetBoolean("EmailUndeliverable") ?? false);
    }

    public static TableEntity FromPerson(Person p)
    {
        var entity = new TableEntity(p.UserId, StorageKeys.Person(p.Id))
        {
            ["Name"] = p.Name,
            ["Connection"] = p.Connection.ToString(),
            ["Role"] = p.Role.ToString(),
            ["Notes"] = p.Notes,
            ["KeepInTouchEveryDays"] = p.KeepInTouchEveryDays,
            ["CreatedAt"] = p.CreatedAt.ToUnixTimeTicks(),
            ["SnoozedUntil"] = p.SnoozedUntil?.ToUnixTimeTicks(),
            ["Stopped"] = p.Stopped,
        };

        // Lists can outgrow one property (20 links of 2,048 characters), so they may be split.
        LongStringProperty.Set(entity, "Emails", JsonSerializer.Serialize(p.Emails, Json));
        LongStringProperty.Set(entity, "Interests", JsonSerializer.Serialize(p.Interests, Json));
        LongStringProperty.Set(entity, "Links", JsonSerializer.Serialize(p.Links, Json));
        return entity;
    }

    public static Person ToPerson(TableEntity e) => new(
        e.RowKey[StorageKeys.PersonPrefix.Length..],
        e.PartitionKey,
        e.GetString("Name"),
        StringList(e, "Emails"),
        Enum.Parse<Connection>(e.GetString("Connection")),
        Enum.Parse<PersonRole>(e.GetString("Role")),
        StringList(e, "Interests"),
        StringList(e, "Links"),
        e.GetString("Notes"),
        e.GetInt32("KeepInTouchEveryDays"),
        Instant.FromUnixTimeTicks(e.GetInt64("CreatedAt") ?? 0),
        OptionalInstant(e, "SnoozedUntil"),
        e.GetBoolean("Stopped") ?? false);

    public static TableEntity FromAsk(Ask a) => new(a.UserId, StorageKeys.Ask(a.Id))
    {
        ["PersonId"] = a.PersonId,
        ["SentAt"] = a.SentAt.ToUnixTimeTicks(),
        ["Channel"] = a.Channel,
        ["Subject"] = a.Subject,
        ["Text"] = a.Text,
        ["AnsweredAt"] = a.AnsweredAt?.ToUnixTimeTicks(),
    };

    public static Ask ToAsk(TableEntity e) => new(
        e.RowKey[StorageKeys.AskPrefix.Length..],
        e.PartitionKey,
        e.GetString("PersonId"),
        Instant.FromUnixTimeTicks(e.GetInt64("SentAt") ?? 0),
        e.GetString("Channel"),
        e.GetString("Subject"),
        e.GetString("Text"),
        OptionalInstant(e, "AnsweredAt"));

    public static TableEntity FromInteraction(Interaction i) => new(i.UserId, StorageKeys.Interaction(i.Id))
    {
        ["PersonId"] = i.PersonId,
        ["Kind"] = i.Kind.ToString(),
        ["At"] = i.At.ToUnixTimeTicks(),
        ["Note"] = i.Note,
    };

    public static Interaction ToInteraction(TableEntity e) => new(
        e.RowKey[StorageKeys.InteractionPrefix.Length..],
        e.PartitionKey,
        e.GetString("PersonId"),
        Enum.Parse<InteractionKind>(e.GetString("Kind")),
        Instant.FromUnixTimeTicks(e.GetInt64("At") ?? 0),
        e.GetString("Note"));

    public static TableEntity FromNudge(StoredNudge s)
    {
        var n = s.Nudge;
        return new TableEntity(n.UserId, StorageKeys.Nudge(n.Id))
        {
            ["Kind"] = n.Kind.ToString(),
            ["PersonId"] = n.PersonId,
            ["AskId"] = n.AskId,
            ["Step"] = n.Step,
            ["DueAt"] = n.DueAt.ToUnixTimeTicks(),
            ["Status"] = n.Status.ToString(),
            ["SentAt"] = n.SentAt?.ToUnixTimeTicks(),
            ["Channel"] = n.Channel,
            ["DeliveryStatus"] = n.DeliveryStatus,
            ["Reason"] = n.Reason,
            ["LeaseUntil"] = s.LeaseUntil?.ToUnixTimeTicks(),
            ["Attempts"] = s.Attempts,
            ["IndexPartition"] = s.IndexPartition,
            ["IndexRow"] = s.IndexRow,
            ["ProviderMessageId"] = s.ProviderMessageId,
            ["Sender"] = s.Sender,
        };
    }

    public static StoredNudge ToNudge(TableEntity e)
    {
        var nudge = new Nudge(
            e.RowKey[StorageKeys.NudgePrefix.Length..],
            e.PartitionKey,
            Enum.Parse<NudgeKind>(e.GetString("Kind")),
            e.GetString("PersonId"),
            e.GetString("AskId"),
            e.GetInt32("Step") ?? 0,
            Instant.FromUnixTimeTicks(e.GetInt64("DueAt") ?? 0),
            Enum.Parse<NudgeStatus>(e.GetString("Status")),
            OptionalInstant(e, "SentAt"),
            e.GetString("Channel"),
            e.GetString("DeliveryStatus"),
            e.GetString("Reason"));
        return new StoredNudge(
            nudge,
            e.ETag,
            OptionalInstant(e, "LeaseUntil"),
            e.GetInt32("Attempts") ?? 0,
            e.GetString("IndexPartition"),
            e.GetString("IndexRow"),
            e.GetString("ProviderMessageId"),
            e.GetString("Sender"));
    }

    /// <summary>Reads one row of a user partition into <paramref name="partition"/>.</summary>
    public static void Load(UserPartition partition, TableEntity e)
    {
        var rk = e.RowKey;
        if (rk == StorageKeys.UserRow)
        {
            partition.User = new StoredEntity<User>(ToUser(e), e.ETag);
        }
        else if (rk.StartsWith(StorageKeys.PersonPrefix, StringComparison.Ordinal))
        {
            var p = ToPerson(e);
            partition.People[p.Id] = new StoredEntity<Person>(p, e.ETag);
        }
        else if (rk.StartsWith(StorageKeys.AskPrefix, StringComparison.Ordinal))
        {
            var a = ToAsk(e);
            partition.Asks[a.Id] = new StoredEntity<Ask>(a, e.ETag);
        }
        else if (rk.StartsWith(StorageKeys.InteractionPrefix, StringComparison.Ordinal))
        {
            var i = ToInteraction(e);
            partition.Interactions[i.Id] = new StoredEntity<Interaction>(i, e.ETag);
        }
        else if (rk.StartsWith(StorageKeys.NudgePrefix, StringComparison.Ordinal))
        {
            var n = ToNudge(e);
            partition.Nudges[n.Id] = n;
        }
        else if (rk.StartsWith(StorageKeys.TokenPrefix, StringComparison.Ordinal))
        {
            partition.TokenHashes.Add(rk[StorageKeys.TokenPrefix.Length..]);
        }
    }

    private static string[] StringList(TableEntity e, string name) =>
        LongStringProperty.Get(e, name) is { Length: > 0 } json ? JsonSerializer.Deserialize<string[]>(json, Json) ?? [] : [];

    private static Instant? OptionalInstant(TableEntity e, string name) =>
        e.GetInt64(name) is { } ticks ? Instant.FromUnixTimeTicks(ticks) : null;

    private sealed record SettingsDocument(
        string TimeZoneId,
        string Country,
        int[] WorkDays,
        string ReminderTime,
        int DigestDay,
        string DigestTime,
        int DigestMaxPrompts,
        bool DigestEnabled,
        int FirstAfterBusinessDays,
        int ThenAfterBusinessDays,
        int MaxFollowUps,
        string? VacationUntil,
        string[]? ExtraHolidays,
        string? WebhookUrl,
        int? WebhookFormat,
        string? WebhookSecret,
        string? WebhookInboundSecret = null);
}

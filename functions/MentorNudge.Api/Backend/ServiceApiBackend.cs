using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Endpoints;
using MentorNudge.Api.Json;
using MentorNudge.Api.Validation;
using MentorNudge.Azure.Email.DeliveryReports;
using MentorNudge.Azure.Pipeline;
using MentorNudge.Azure.Storage;
using MentorNudge.Azure.Webhooks;
using MentorNudge.Core.Content.Actions;
using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Backend;

/// <summary>
/// <see cref="IApiBackend"/> over the application service of the pipeline: translates its
/// not-found exceptions into "not found" answers and adds what only the HTTP layer needs
/// (seen event ids, action tokens, the coach with the person's history).
/// </summary>
public sealed class ServiceApiBackend(
    MentorNudgeService service,
    PoisonQueueService poison,
    DispatchCheckpoint checkpoint,
    WebhookEventLog events,
    WebhookDeliveryLog deliveries,
    IClock clock,
    ActionTokens? actionTokens = null) : IApiBackend
{
    public async Task<CreatedUserResponse> CreateUserAsync(string email, string timeZoneId, string country, string? displayName, CancellationToken ct)
    {
        var created = await service.CreateUserAsync(email, UserSettings.CreateDefault(timeZoneId, country), displayName, ct);
        return new CreatedUserResponse(created.UserId, created.Token);
    }

    public async Task<User?> AuthenticateAsync(string token, CancellationToken ct)
    {
        var userId = await service.AuthenticateAsync(token, ct);
        return userId is null ? null : await FindUserAsync(userId, ct);
    }

    public Task<User?> FindUserAsync(string userId, CancellationToken ct) => OrNull(() => service.GetUserAsync(userId, ct));

    public Task<User> UpdateUserAsync(string userId, string email, string? displayName, UserSettings settings, CancellationToken ct) =>
        service.UpdateUserAsync(userId, email, settings, displayName, ct);

    public Task<IReadOnlyList<Person>> ListPeopleAsync(string userId, CancellationToken ct) => service.ListPeopleAsync(userId, ct);

    public Task<Person?> GetPersonAsync(string userId, string personId, CancellationToken ct) => OrNull(() => service.GetPersonAsync(userId, personId, ct));

    public async Task<Person?> FindPersonByEmailAsync(string userId, string email, bool matchDomain, CancellationToken ct)
    {
        var people = await service.ListPeopleAsync(userId, ct);
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

    public Task<Person> AddPersonAsync(string userId, PersonDraft draft, CancellationToken ct) => service.AddPersonAsync(userId, ToDraft(draft), ct);

    public Task<Person?> UpdatePersonAsync(string userId, string personId, PersonDraft draft, CancellationToken ct) =>
        OrNull(() => service.UpdatePersonAsync(userId, personId, ToDraft(draft), ct));

    public async Task<bool> DeletePersonAsync(string userId, string personId, CancellationToken ct) =>
        await Done(() => service.DeletePersonAsync(userId, personId, ct));

    public async Task<(Ask Ask, IReadOnlyList<Nudge> FollowUps)?> LogOutreachAsync(string userId, string personId, Instant? sentAt, string? channel, string? subject, string? text, CancellationToken ct)
    {
        var result = await OrNull(() => service.LogOutreachAsync(userId, personId, new OutreachDraft(sentAt, channel, subject, text), ct));
        return result is null ? null : (result.Ask, result.FollowUps.Select(n => ToNudge(userId, n)).ToList());
    }

    public async Task<bool> LogReplyAsync(string userId, string personId, Instant? receivedAt, CancellationToken ct) =>
        await OrNull(() => service.LogReplyAsync(userId, personId, receivedAt, ct)) is not null;

    public Task<Interaction?> LogInteractionAsync(string userId, string personId, InteractionKind kind, Instant? at, string? note, CancellationToken ct) =>
        OrNull(() => service.LogInteractionAsync(userId, personId, kind, at, note, ct));

    public async Task<bool> SnoozePersonAsync(string userId, string personId, Instant until, CancellationToken ct) =>
        await OrNull(() => service.SnoozePersonAsync(userId, personId, until, ct)) is not null;

    public async Task<bool> StopPersonAsync(string userId, string personId, CancellationToken ct) =>
        await OrNull(() => service.StopPersonAsync(userId, personId, ct)) is not null;

    public Task UnsubscribeAsync(string userId, CancellationToken ct) => service.UnsubscribeAsync(userId, ct);

    public async Task<IReadOnlyList<Nudge>> GetScheduleAsync(string userId, Instant from, Instant to, CancellationToken ct) =>
        (await service.GetScheduleAsync(userId, from, to, ct)).Select(n => ToNudge(userId, n)).ToList();

    public async Task<IReadOnlyList<Nudge>> GetNudgeHistoryAsync(string userId, CancellationToken ct) =>
        (await service.GetNudgeHistoryAsync(userId, ct)).Select(n => ToNudge(userId, n)).ToList();

    public async Task<JsonNode> ExportAsync(string userId, CancellationToken ct)
    {
        var export = await service.ExportAsync(userId, ct);
        var zone = RequestValidator.Zone(export.User.Settings.TimeZoneId) ?? DateTimeZone.Utc;
        var shaped = new
        {
            user = MeEndpoints.ToResponse(export.User, showSecret: false),
            people = export.People.OrderBy(p => p.Id, StringComparer.Ordinal).Select(PersonResponse.From),
            asks = export.Asks.OrderBy(a => a.Id, StringComparer.Ordinal).Select(AskResponse.From),
            interactions = export.Interactions.OrderBy(i => i.Id, StringComparer.Ordinal).Select(InteractionResponse.From),
            nudges = export.Nudges.OrderBy(n => n.NudgeId, StringComparer.Ordinal).Select(n => NudgeResponse.From(ToNudge(userId, n), zone)),
        };
        return JsonSerializer.SerializeToNode(shaped, ApiJson.Options)!;
    }

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        await service.EraseAsync(userId, ct);
        await events.DeleteUserAsync(userId, ct);
        await deliveries.DeleteUserAsync(userId, ct);
    }

    public async Task<CoachResponse> CoachAsync(string userId, string text, string? personId, CancellationToken ct)
    {
        var connection = Connection.Admired;
        var hasPriorValue = false;
        if (personId is not null)
        {
            var export = await service.ExportAsync(userId, ct);
            connection = export.People.FirstOrDefault(p => p.Id == personId)?.Connection ?? Connection.Admired;
            hasPriorValue = PriorValue.Has(personId, export.Interactions);
        }

        var feedback = AskCoach.Coach(text, connection, hasPriorValue);
        return new CoachResponse(feedback.Score, feedback.Findings.Select(f => new CoachFindingResponse(f.Code, f.Message, f.Suggestion, f.Start, f.Length)).ToList(), feedback.Rewrite);
    }

    public Task<bool> RecordDeliveryReportAsync(EmailDeliveryReport report, CancellationToken ct) =>
        service.RecordDeliveryReportAsync(report, ct);

    public async Task<IReadOnlyList<JsonNode>> ListPoisonAsync(string queue, CancellationToken ct) =>
        (await poison.ListAsync(queue, cancellationToken: ct)).Select(m => JsonSerializer.SerializeToNode(m, ApiJson.Options)!).ToList();

    public Task<int> ReplayPoisonAsync(string queue, CancellationToken ct) => poison.ReplayAsync(queue, cancellationToken: ct);

    public async Task<Instant?> GetLastDispatcherTickAsync(CancellationToken ct) => (await checkpoint.ReadAsync(ct)).LastTick;

    public async Task<OneClickAction?> ReadActionTokenAsync(string token, CancellationToken ct)
    {
        if (actionTokens is null)
        {
            return null;
        }

        var verified = actionTokens.Verify(token, clock.GetCurrentInstant());
        if (verified.Failure != ActionTokenFailure.None || verified.UserId is null || verified.Action is not { } action)
        {
            return null;
        }

        var user = await FindUserAsync(verified.UserId, ct);
        if (user is null)
        {
            return null;
        }

        string? personId = null;
        string? personName = null;
        if (verified.NudgeId is not null)
        {
            // Any status: a link may be used while its nudge is still scheduled (a digest lists upcoming follow-ups).
            var export = await service.ExportAsync(user.Id, ct);
            personId = export.Nudges.FirstOrDefault(n => n.NudgeId == verified.NudgeId)?.PersonId;
            personName = export.People.FirstOrDefault(p => p.Id == personId)?.Name;
        }

        return new OneClickAction(user.Id, ActionTokens.ActionName(action), personId, personName);
    }

    public Task<IReadOnlyList<WebhookDeliveryRecord>> ListWebhookDeliveriesAsync(string userId, CancellationToken ct) => deliveries.ListAsync(userId, ct);

    public Task<bool> TryRememberEventAsync(string userId, string eventId, CancellationToken ct) => events.TryRememberAsync(userId, eventId, ct);

    private static Azure.Pipeline.PersonDraft ToDraft(PersonDraft d) =>
        new(d.Name, d.Emails, d.Connection, d.Role, d.Interests, d.Links, d.Notes, d.KeepInTouchEveryDays);

    private static Nudge ToNudge(string userId, ScheduledNudge n) =>
        new(n.NudgeId, userId, n.Kind, n.PersonId, n.AskId, n.Step, n.DueAt, n.Status, n.SentAt, n.Channel, n.DeliveryStatus, n.Reason);

    private static string Domain(string email) => email[(email.LastIndexOf('@') + 1)..];

    private static async Task<T?> OrNull<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static async Task<bool> Done(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

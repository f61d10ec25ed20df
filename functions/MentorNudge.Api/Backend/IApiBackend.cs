using System.Text.Json.Nodes;
using MentorNudge.Api.Contracts;
using MentorNudge.Azure.Email.DeliveryReports;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Backend;

/// <summary>
/// What the HTTP layer needs from the application service, in its terms. Handlers validate every
/// input fully before calling a mutating member, so nothing here is reached with bad input.
/// Every member taking a user id is scoped to that user: another user's ids are simply not found.
/// </summary>
public interface IApiBackend
{
    Task<CreatedUserResponse> CreateUserAsync(string email, string timeZoneId, string country, string? displayName, CancellationToken ct);

    /// <summary>The user owning <paramref name="token"/>, or null.</summary>
    Task<User?> AuthenticateAsync(string token, CancellationToken ct);

    /// <summary>The user by id (for signed hooks), or null.</summary>
    Task<User?> FindUserAsync(string userId, CancellationToken ct);

    /// <summary>Replaces profile and settings (a new email clears the undeliverable flag; null <paramref name="unsubscribed"/> keeps it), and re-plans at once.</summary>
    Task<User> UpdateUserAsync(string userId, string email, string? displayName, UserSettings settings, bool? unsubscribed, CancellationToken ct);

    Task<IReadOnlyList<Person>> ListPeopleAsync(string userId, CancellationToken ct);

    Task<Person?> GetPersonAsync(string userId, string personId, CancellationToken ct);

    /// <summary>The person with <paramref name="email"/> among their addresses (case-insensitive), or null.</summary>
    Task<Person?> FindPersonByEmailAsync(string userId, string email, bool matchDomain, CancellationToken ct);

    Task<Person> AddPersonAsync(string userId, PersonDraft draft, CancellationToken ct);

    Task<Person?> UpdatePersonAsync(string userId, string personId, PersonDraft draft, CancellationToken ct);

    Task<bool> DeletePersonAsync(string userId, string personId, CancellationToken ct);

    /// <summary>Records an outreach; null when the person is not the user's.</summary>
    Task<(Ask Ask, IReadOnlyList<Nudge> FollowUps)?> LogOutreachAsync(string userId, string personId, Instant? sentAt, string? channel, string? subject, string? text, CancellationToken ct);

    /// <summary>Records a reply and cancels the person's pending follow-ups; false when the person is not the user's.</summary>
    Task<bool> LogReplyAsync(string userId, string personId, Instant? receivedAt, CancellationToken ct);

    Task<Interaction?> LogInteractionAsync(string userId, string personId, InteractionKind kind, Instant? at, string? note, CancellationToken ct);

    /// <summary>Moves the person's pending follow-ups (and prompts) after <paramref name="until"/>.</summary>
    Task<bool> SnoozePersonAsync(string userId, string personId, Instant until, CancellationToken ct);

    Task<bool> StopPersonAsync(string userId, string personId, CancellationToken ct);

    Task UnsubscribeAsync(string userId, CancellationToken ct);

    Task<IReadOnlyList<Nudge>> GetScheduleAsync(string userId, Instant from, Instant to, CancellationToken ct);

    Task<IReadOnlyList<Nudge>> GetNudgeHistoryAsync(string userId, CancellationToken ct);

    Task<JsonNode> ExportAsync(string userId, CancellationToken ct);

    Task EraseAsync(string userId, CancellationToken ct);

    /// <summary>
    /// Coach feedback for an ask's text; with a person, their connection and whether value was
    /// already given to them (a logged interaction) inform the feedback. Null person id: an admired stranger.
    /// </summary>
    Task<CoachResponse> CoachAsync(string userId, string text, string? personId, CancellationToken ct);

    /// <summary>Records an ACS delivery report; false when its operation id is not one MentorNudge sent.</summary>
    Task<bool> RecordDeliveryReportAsync(EmailDeliveryReport report, CancellationToken ct);

    Task<IReadOnlyList<JsonNode>> ListPoisonAsync(string queue, CancellationToken ct);

    Task<int> ReplayPoisonAsync(string queue, CancellationToken ct);

    Task<Instant?> GetLastDispatcherTickAsync(CancellationToken ct);

    /// <summary>Resolves a one-click action token to its user, person and action, or null when invalid or expired.</summary>
    Task<OneClickAction?> ReadActionTokenAsync(string token, CancellationToken ct);

    /// <summary>The user's outbound webhook deliveries, newest first.</summary>
    Task<IReadOnlyList<MentorNudge.Azure.Webhooks.WebhookDeliveryRecord>> ListWebhookDeliveriesAsync(string userId, CancellationToken ct);

    /// <summary>Remembers an inbound event id; false when it was seen before (a replay).</summary>
    Task<bool> TryRememberEventAsync(string userId, string eventId, CancellationToken ct);
}

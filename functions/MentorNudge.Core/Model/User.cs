using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>A MentorNudge user: the person cultivating mentors and sponsors.</summary>
/// <param name="Id">Opaque id.</param>
/// <param name="Email">Where nudges are sent.</param>
/// <param name="Settings">Calendar and policy settings.</param>
/// <param name="CreatedAt">When the user was created.</param>
/// <param name="DisplayName">Optional name used in emails.</param>
/// <param name="Unsubscribed">True once the user unsubscribed from email; nothing more is emailed.</param>
/// <param name="EmailUndeliverable">True once the address bounced or was suppressed.</param>
public sealed record User(
    string Id,
    string Email,
    UserSettings Settings,
    Instant CreatedAt,
    string? DisplayName = null,
    bool Unsubscribed = false,
    bool EmailUndeliverable = false);

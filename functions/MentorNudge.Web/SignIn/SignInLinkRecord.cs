using NodaTime;

namespace MentorNudge.Web.SignIn;

/// <summary>A pending sign-in link: for an existing user (<paramref name="UserId"/>), or a sign-up when self sign-up is on (null).</summary>
/// <param name="Email">The address it was sent to.</param>
/// <param name="UserId">The user it signs in; null for a sign-up.</param>
/// <param name="TimeZone">The browser's zone at request time, for a sign-up's first settings.</param>
/// <param name="ExpiresAt">After this it no longer works.</param>
public sealed record SignInLinkRecord(string Email, string? UserId, string? TimeZone, Instant ExpiresAt);

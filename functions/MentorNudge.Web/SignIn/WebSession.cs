using NodaTime;

namespace MentorNudge.Web.SignIn;

/// <summary>A signed-in browser: stored under the hash of its cookie value.</summary>
/// <param name="UserId">Whose session.</param>
/// <param name="CsrfToken">Must accompany every state change made in this session.</param>
/// <param name="Generation">The user's session generation at sign-in; older ones are signed out.</param>
/// <param name="ExpiresAt">After this it no longer works.</param>
public sealed record WebSession(string UserId, string CsrfToken, int Generation, Instant ExpiresAt);

namespace MentorNudge.Web.Pages;

/// <summary>What the frame of a page needs: the app root, the CSRF token, the current section, a status message.</summary>
/// <param name="Root">The app root path with a trailing slash.</param>
/// <param name="Csrf">The CSRF token for the page's forms.</param>
/// <param name="SignedIn">Whether to show the navigation.</param>
/// <param name="Current">Which section is current (<c>week</c>, <c>people</c>, <c>schedule</c>, <c>settings</c>).</param>
/// <param name="Flash">A one-line status after an action, or null.</param>
internal sealed record PageFrame(string Root, string Csrf, bool SignedIn, string? Current = null, string? Flash = null);

using Microsoft.AspNetCore.Http;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// Where a browser goes after a one-click link was applied, when a host offers a better page than the
/// plain "done" page (the web app, for a signed-in owner). Optional: without it, or when it answers
/// null, the link answers as it always did.
/// </summary>
internal interface IOneClickLanding
{
    /// <summary>A same-site URL to send the browser to (303), or null to answer the plain page.</summary>
    Task<string?> LandingAsync(HttpContext context, OneClickAction action);
}

using MentorNudge.Api.Endpoints;
using MentorNudge.Web.SignIn;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Web.Endpoints;

/// <summary>
/// Sends the owner of a one-click email link, when signed in to the app in this browser, to the app's
/// page for the result (the person, or settings after unsubscribing) instead of the plain "done" page.
/// The session cookie reaches <c>/api/v1/actions/</c> because its path is <c>/</c>, and it is SameSite=Strict,
/// so it comes with the confirm page's own POST, never with a cross-site request.
/// </summary>
internal sealed class AppLanding(SignInService signIn) : IOneClickLanding
{
    public async Task<string?> LandingAsync(HttpContext context, OneClickAction action)
    {
        var session = await signIn.FindSessionAsync(context.Request.Cookies[WebRequest.SessionCookie], context.RequestAborted);
        if (session is null || session.UserId != action.UserId)
        {
            return null;
        }

        return (action.Action, action.PersonId) switch
        {
            ("replied", { } id) => WebApp.Root + "people/" + id + "?m=replied",
            ("snooze", { } id) => WebApp.Root + "people/" + id + "?m=snoozed",
            ("stop", { } id) => WebApp.Root + "people/" + id + "?m=stopped",
            ("unsubscribe", _) => WebApp.Root + "settings?m=unsubscribed",
            _ => null,
        };
    }
}

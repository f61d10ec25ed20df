using MentorNudge.Api.Validation;
using MentorNudge.Web.Pages;
using MentorNudge.Web.SignIn;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Web.Endpoints;

/// <summary>Sign in (ask for a link, confirm a link), sign out, sign out everywhere.</summary>
internal static class SignInEndpoints
{
    public static async Task<IResult> HandleAsync(WebRequest r)
    {
        var frame = new PageFrame(r.Root, r.CsrfToken(), SignedIn: false, Flash: WebResults.Message(r.Query("m")));
        switch (r.Segments)
        {
            case ["signin"] when !r.IsPost:
                return r.User is not null ? WebResults.SeeOther(r, "") : WebResults.Page(SignInPage.Form(frame));
            case ["signin"]:
                var email = (await r.Field("email"))?.Trim();
                if (!RequestValidator.IsEmail(email))
                {
                    return WebResults.Page(SignInPage.Form(frame, "Enter a valid email address."), StatusCodes.Status400BadRequest);
                }

                await r.Service<SignInService>().RequestLinkAsync(email!, await r.Field("timeZone"), r.AbsoluteRoot, r.Aborted);
                return WebResults.Page(SignInPage.Sent(frame));
            case ["signin", var token] when !r.IsPost:
                // Only shows a button: link scanners prefetch, and a GET must not use up the link.
                return WebResults.Page(SignInPage.Confirm(frame, token));
            case ["signin", var token]:
                var signedIn = await r.Service<SignInService>().SignInAsync(token, r.Aborted);
                if (signedIn is not { } s)
                {
                    return WebResults.Page(SignInPage.Expired(frame), StatusCodes.Status400BadRequest);
                }

                r.Context.Response.Cookies.Delete(WebRequest.AnonymousCsrfCookie, r.Cookie(null));
                // Max-Age, not Expires: the browser's clock need not agree with the service's (a virtual clock); the server enforces expiry.
                var cookie = r.Cookie(null);
                cookie.MaxAge = r.Service<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value.SessionLifetime;
                r.Context.Response.Cookies.Append(WebRequest.SessionCookie, s.CookieValue, cookie);
                return WebResults.SeeOther(r, "");
            default:
                return WebResults.NotFound(r);
        }
    }

    public static async Task<IResult> SignOutAsync(WebRequest r, bool everywhere)
    {
        var signIn = r.Service<SignInService>();
        if (everywhere)
        {
            await signIn.SignOutEverywhereAsync(r.User!.Id, r.Aborted);
        }
        else
        {
            await signIn.SignOutAsync(r.SessionCookieValue!, r.Aborted);
        }

        r.Context.Response.Cookies.Delete(WebRequest.SessionCookie, r.Cookie(null));
        return WebResults.SeeOther(r, "signin", everywhere ? "everywhere" : "signedout");
    }
}

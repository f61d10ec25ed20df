using MentorNudge.Web.Markup;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Web.Endpoints;

/// <summary>The web app's answers: pages, redirects after a change (with a fixed status message), and the security headers every answer carries.</summary>
internal static class WebResults
{
    /// <summary>No inline script anywhere, nothing from other origins, never framed, no referrer (links may carry tokens).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["added"] = "Person added.",
        ["saved"] = "Saved.",
        ["outreach"] = "Outreach logged; follow-ups are planned.",
        ["replied"] = "Reply recorded; pending follow-ups are cancelled.",
        ["interaction"] = "Interaction logged.",
        ["snoozed"] = "Snoozed for a week.",
        ["stopped"] = "Nudges about them are stopped.",
        ["deleted"] = "Person deleted.",
        ["done"] = "Done: logged as an interaction.",
        ["skipped"] = "Skipped for this week.",
        ["signedout"] = "Signed out.",
        ["everywhere"] = "Signed out on every device.",
        ["revoked"] = "Token revoked.",
        ["erased"] = "Your account and all its data are erased.",
        ["unsubscribed"] = "Unsubscribed: MentorNudge sends you no more email. The app keeps working.",
        ["feedrevoked"] = "Calendar feed revoked: its address no longer works.",
        ["capturerotated"] = "New capture address below: the old one no longer works.",
    };

    public static void AddSecurityHeaders(HttpResponse response)
    {
        var h = response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h.CacheControl = "no-store";
    }

    public static IResult Page(Html html, int status = StatusCodes.Status200OK) =>
        Results.Content(html.Value, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>303 to <paramref name="path"/> below the root, with a status message key.</summary>
    public static IResult SeeOther(WebRequest r, string path, string? message = null) =>
        new SeeOtherResult(r.Root + path + (message is null ? "" : (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "m=" + message));

    public static string? Message(string? key) => key is not null && Messages.TryGetValue(key, out var text) ? text : null;

    public static IResult Forbidden() => Results.Text("The form expired or did not come from this site. Go back, reload the page and try again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    public static IResult TooLarge() => Results.Text($"That file is too large: at most {MentorNudge.Api.Endpoints.ImportEndpoints.MaxBytes / (1024 * 1024)} MB. Split it and import the parts.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult NotFound(WebRequest r) => Page(Markup.Html.Of($"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title><link rel="stylesheet" href="{r.Root}assets/app.css"></head><body><main><h1>Not found</h1><p><a href="{r.Root}">Back to MentorNudge</a></p></main></body></html>"""), StatusCodes.Status404NotFound);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}

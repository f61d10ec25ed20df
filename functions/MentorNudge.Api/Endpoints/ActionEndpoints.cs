using System.Net;
using MentorNudge.Api.Backend;
using MentorNudge.Api.Http;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// <c>/api/v1/actions/{token}</c>: one-click links from emails. GET only shows a confirm page, because
/// mail scanners prefetch links; POST (the page's button, or an RFC 8058 one-click unsubscribe) applies.
/// </summary>
internal static class ActionEndpoints
{
    private static readonly Duration SnoozeFor = Duration.FromDays(7);

    public static async Task<IResult> Confirm(HttpContext context)
    {
        var action = await ReadAsync(context);
        if (action is null)
        {
            return Page(StatusCodes.Status404NotFound, "Link not valid", "<p>This link has expired or is not valid.</p>");
        }

        var what = Describe(action) + (action.PersonName is { } name ? $" ({name})" : "");
        var body = $"""
            <p>{WebUtility.HtmlEncode(what)}?</p>
            <form method="post"><button type="submit">Confirm</button></form>
            """;
        return Page(StatusCodes.Status200OK, "Confirm", body);
    }

    public static async Task<IResult> Apply(HttpContext context)
    {
        var action = await ReadAsync(context);
        if (action is null)
        {
            return Page(StatusCodes.Status404NotFound, "Link not valid", "<p>This link has expired or is not valid.</p>");
        }

        var (raw, error) = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" to the List-Unsubscribe URL.
        var oneClick = context.Request.HasFormContentType
            && System.Text.Encoding.UTF8.GetString(raw!).Split('&').Any(p => p.Equals("List-Unsubscribe=One-Click", StringComparison.Ordinal));
        var name = oneClick ? "unsubscribe" : action.Action;

        var backend = context.Backend();
        var ct = context.RequestAborted;
        var now = context.Now();
        var done = name switch
        {
            "replied" => action.PersonId is not null && await backend.LogReplyAsync(action.UserId, action.PersonId, now, ct),
            "snooze" => action.PersonId is not null && await backend.SnoozePersonAsync(action.UserId, action.PersonId, now + SnoozeFor, ct),
            "stop" => action.PersonId is not null && await backend.StopPersonAsync(action.UserId, action.PersonId, ct),
            "unsubscribe" => await UnsubscribeAsync(backend, action.UserId, ct),
            _ => false,
        };

        return done
            ? Page(StatusCodes.Status200OK, "Done", $"<p>{WebUtility.HtmlEncode(Describe(action with { Action = name }))}: done.</p>")
            : Page(StatusCodes.Status404NotFound, "Link not valid", "<p>This link has expired or is not valid.</p>");
    }

    private static async Task<OneClickAction?> ReadAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"]?.ToString();
        return token is { Length: > 0 and <= 2048 } ? await context.Backend().ReadActionTokenAsync(token, context.RequestAborted) : null;
    }

    private static async Task<bool> UnsubscribeAsync(IApiBackend backend, string userId, CancellationToken ct)
    {
        await backend.UnsubscribeAsync(userId, ct);
        return true;
    }

    private static string Describe(OneClickAction action) => action.Action switch
    {
        "replied" => "Mark that they replied and stop the follow-up reminders",
        "snooze" => "Snooze reminders about this person for a week",
        "stop" => "Stop all reminders about this person",
        "unsubscribe" => "Unsubscribe from all MentorNudge emails",
        _ => "Unknown action",
    };

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>MentorNudge – {title}</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto;">
        <h1>{title}</h1>
        {body}
        </body></html>
        """,
        "text/html; charset=utf-8",
        System.Text.Encoding.UTF8,
        status);
}

using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Content;
using MentorNudge.Core.Content.Actions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
        if (action is null || Kind(action.Action) is not { } kind)
        {
            return Page(StatusCodes.Status404NotFound, ActionPages.Done(null, null, ActionTokenFailure.Malformed));
        }

        return Page(StatusCodes.Status200OK, ActionPages.Confirm(kind, action.PersonName, PostUrl(context)));
    }

    public static async Task<IResult> Apply(HttpContext context)
    {
        var action = await ReadAsync(context);
        if (action is null)
        {
            return Page(StatusCodes.Status404NotFound, ActionPages.Done(null, null, ActionTokenFailure.Malformed));
        }

        var (raw, error) = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" to the List-Unsubscribe URL,
        // which is an unsubscribe link. The body never changes what a token does: the token's own
        // action is applied, so a reply/snooze/stop link cannot be turned into an unsubscribe.
        _ = raw;
        var name = action.Action;

        var ct = context.RequestAborted;
        var now = context.Now();
        var personId = action.PersonId;
        switch (name)
        {
            case "replied" when personId is not null:
                await context.Use<Interactions>().LogReplyAsync(action.UserId, personId, now, ct);
                break;
            case "snooze" when personId is not null:
                await context.Use<People>().SnoozeAsync(action.UserId, personId, now + SnoozeFor, ct);
                break;
            case "stop" when personId is not null:
                await context.Use<People>().StopAsync(action.UserId, personId, ct);
                break;
            case "unsubscribe":
                await context.Use<Users>().UnsubscribeAsync(action.UserId, ct);
                break;
            case "undo":
                await context.Use<CaptureUndo>().UndoAsync(action.UserId, action.SubjectId, ct);
                break;
            default:
                return Page(StatusCodes.Status404NotFound, ActionPages.Done(null, null, ActionTokenFailure.Malformed));
        }

        // A signed-in owner lands on the app's page with the result; everyone else gets the plain page.
        if (context.RequestServices.GetService<IOneClickLanding>() is { } landing && await landing.LandingAsync(context, action) is { } url)
        {
            context.Response.Headers.Location = url;
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }

        return Page(StatusCodes.Status200OK, ActionPages.Done(Kind(name), action.PersonName));
    }

    /// <summary>
    /// The link's user, action and person (one point read of the user, one load when the link names a
    /// nudge), or null when the token is invalid or expired or the user is gone.
    /// </summary>
    private static async Task<OneClickAction?> ReadAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"]?.ToString();
        if (token is not { Length: > 0 and <= 2048 })
        {
            return null;
        }

        var verified = context.Use<ActionTokens>().Verify(token, context.Now());
        if (verified.Failure != ActionTokenFailure.None || verified.UserId is null || verified.Action is not { } action)
        {
            return null;
        }

        var ct = context.RequestAborted;
        if (await context.Use<Users>().FindAsync(verified.UserId, ct) is null)
        {
            return null;
        }

        // Any status: a link may be used while its nudge is still scheduled (a digest lists upcoming follow-ups).
        // An undo link names a captured email, not a nudge: no person to look up.
        var person = verified.NudgeId is null || action == ActionKind.Undo ? null : await context.Use<People>().FindByNudgeAsync(verified.UserId, verified.NudgeId, ct);
        return new OneClickAction(verified.UserId, ActionTokens.ActionName(action), person?.Id, person?.Name, verified.NudgeId ?? "");
    }

    private static ActionKind? Kind(string name) => name switch
    {
        "replied" => ActionKind.Replied,
        "snooze" => ActionKind.Snooze,
        "stop" => ActionKind.Stop,
        "unsubscribe" => ActionKind.Unsubscribe,
        "undo" => ActionKind.Undo,
        _ => null,
    };

    // The public URL when configured (behind a proxy the request's host may be an internal one), else the request's own.
    private static Uri PostUrl(HttpContext context)
    {
        var token = context.Request.RouteValues["token"]?.ToString() ?? "";
        if (context.RequestServices.GetService<ContentOptions>() is { } content)
        {
            return content.ActionUrl(token);
        }

        var r = context.Request;
        return new Uri($"{r.Scheme}://{r.Host}{r.PathBase}{r.Path}");
    }

    private static IResult Page(int status, string html) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

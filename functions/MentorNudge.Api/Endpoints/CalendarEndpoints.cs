using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.Calendar;
using MentorNudge.Infrastructure.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// The calendar feed: <c>GET /api/v1/calendar/{feedToken}.ics</c> (the token is the credential)
/// and <c>POST</c>/<c>DELETE /api/v1/me/calendar-feed</c> to create, rotate and revoke it.
/// </summary>
internal static class CalendarEndpoints
{
    private const string NoFeed = "No such calendar feed.";

    public static async Task<IResult> Feed(HttpContext context)
    {
        var token = context.Request.RouteValues["feedToken"] as string;
        var feeds = context.Use<CalendarFeeds>();
        if (string.IsNullOrEmpty(token) || await feeds.FindAsync(token, context.RequestAborted) is not { } feed)
        {
            return ApiProblems.NotFound(NoFeed);
        }

        var content = await feeds.ContentAsync(feed.UserId, context.Now(), context.RequestAborted);
        var text = CalendarFeedDocument.Write(content, feed.IssuedAt, PublicBaseUrl(context));
        var etag = CalendarFeedDocument.ETag(text);
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, no-cache";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(text, "text/calendar; charset=utf-8");
    }

    public static async Task<IResult> Rotate(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var token = await context.Use<CalendarFeeds>().RotateAsync(userId!, context.RequestAborted);
        return EndpointContext.Json(new { url = FeedUrl(context, token) }, StatusCodes.Status201Created);
    }

    public static async Task<IResult> Revoke(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        return await context.Use<CalendarFeeds>().RevokeAsync(userId!, context.RequestAborted)
            ? Results.NoContent()
            : ApiProblems.NotFound(NoFeed);
    }

    /// <summary>The public URL of the feed <paramref name="token"/> (also what the web app shows).</summary>
    internal static Uri FeedUrl(HttpContext context, string token) => new(PublicBaseUrl(context), "api/v1/calendar/" + token + ".ics");

    // With a trailing slash, so relative paths resolve below it.
    private static Uri PublicBaseUrl(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<ContentSettings>>().Value.PublicBaseUrl!;
        return configured.AbsoluteUri.EndsWith('/') ? configured : new Uri(configured.AbsoluteUri + "/");
    }
}

using MentorNudge.Api.Endpoints;
using MentorNudge.Infrastructure.Calendar;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Web.Endpoints;

/// <summary>
/// Settings → webhook test and calendar feed, through the same services as the API
/// (<see cref="WebhookTestSender"/> and <see cref="WebhookDeliveryLog"/>, <see cref="CalendarFeeds"/>).
/// </summary>
internal static class ConnectionEndpoints
{
    public static async Task<ConnectionsState> LoadAsync(WebRequest r) =>
        new(await r.Service<WebhookDeliveryLog>().ListAsync(r.User!.Id, r.Aborted), await r.Service<CalendarFeeds>().IssuedAtAsync(r.User!.Id, r.Aborted));

    public static async Task<IResult> TestWebhookAsync(WebRequest r)
    {
        if (r.User!.Settings.Webhook is not { } webhook)
        {
            return await SettingsEndpoints.RenderAsync(r, new Dictionary<string, string[]> { ["webhookUrl"] = ["Set a webhook URL and save before sending a test."] }, StatusCodes.Status400BadRequest);
        }

        var result = await r.Service<WebhookTestSender>().SendAsync(r.User.Id, webhook, r.Aborted);
        return await SettingsEndpoints.RenderAsync(r, connections: await LoadAsync(r) with { TestResult = result });
    }

    /// <summary>Creates or rotates the feed; the new address is on this answer and nowhere else.</summary>
    public static async Task<IResult> RotateFeedAsync(WebRequest r)
    {
        var token = await r.Service<CalendarFeeds>().RotateAsync(r.User!.Id, r.Aborted);
        return await SettingsEndpoints.RenderAsync(r, connections: await LoadAsync(r) with { NewFeedUrl = CalendarEndpoints.FeedUrl(r.Context, token) });
    }

    public static async Task<IResult> RevokeFeedAsync(WebRequest r)
    {
        await r.Service<CalendarFeeds>().RevokeAsync(r.User!.Id, r.Aborted);
        return WebResults.SeeOther(r, "settings", "feedrevoked");
    }
}

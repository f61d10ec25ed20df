using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Model;
using MentorNudge.Web.Markup;
using NodaTime;

namespace MentorNudge.Web.Pages;

/// <summary>Settings → webhook (send a test, recent deliveries) and calendar feed (create, rotate, revoke; the address shown once).</summary>
internal static class ConnectionsSection
{
    /// <summary>How many deliveries the page lists.</summary>
    public const int RecentDeliveries = 10;

    public static Html Render(PageFrame f, User user, ConnectionsState state)
    {
        var zone = user.Settings.Zone;
        return Html.Of($"""
            <section aria-labelledby="webhook-h"><h2 id="webhook-h">Webhook deliveries</h2>
            {Webhook(f, user, state, zone)}
            </section>
            <section aria-labelledby="calendar-h"><h2 id="calendar-h">Calendar feed</h2>
            {Calendar(f, state, zone)}
            </section>
            """);
    }

    private static Html Webhook(PageFrame f, User user, ConnectionsState state, DateTimeZone zone)
    {
        var result = state.TestResult is { } t
            ? Html.Of($"""<div class="{(t.Status == "delivered" ? "flash" : "errors")}" role="status" id="webhook-test-result"><p>{(t.Status == "delivered" ? "Test delivered" : "Test not delivered")}: {Answer(t)}.</p></div>""")
            : Html.Empty;
        var test = user.Settings.Webhook is null
            ? Html.Of($"<p>Set a webhook URL above and save to send events (and a test) to it.</p>")
            : Html.Of($"""<p>Sends one signed test event (type <code>webhook.test</code>) to your webhook now and shows what it answered.</p>{Layout.Button(f, "settings/webhook/test", "Send a test")}""");
        var rows = Html.Join(state.Deliveries.Take(RecentDeliveries).Select(d => Html.Of($"""
            <tr><td>{Format.When(d.UpdatedAt.InZone(zone))}</td><td>{(d.NudgeId == WebhookTestSender.Kind ? "test" : "nudge")}</td><td>{d.Status}</td><td>{d.Attempts}</td><td>{Answer(d)}</td></tr>
            """)));
        var table = state.Deliveries.Count == 0
            ? Html.Of($"<p>No deliveries yet.</p>")
            : Html.Of($"""<div class="scroll"><table id="webhook-deliveries"><caption class="visually-hidden">Recent webhook deliveries, newest first</caption><thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Answer</th></tr></thead><tbody>{rows}</tbody></table></div>""");
        return Html.Of($"{result}{test}{table}");
    }

    private static Html Calendar(PageFrame f, ConnectionsState state, DateTimeZone zone)
    {
        var shown = state.NewFeedUrl is { } url
            ? Html.Of($"""<div class="notice" role="status" id="calendar-feed"><p>Your feed address, shown only this once; add it to your calendar app as a subscription:</p><p><code class="wrap">{url.AbsoluteUri}</code></p></div>""")
            : Html.Empty;
        var about = state.FeedIssuedAt is { } issued
            ? Html.Of($"""<p>You have a feed, issued {Format.When(issued.InZone(zone))}. Its address was shown once; rotate to get a new one (the old one stops working) or revoke it.</p>""")
            : Html.Of($"""<p>Subscribe to your planned nudges in your calendar app. The address is a secret: anyone with it can read your schedule.</p>""");
        var buttons = state.FeedIssuedAt is null
            ? Layout.Button(f, "settings/calendar-feed", "Create a feed address")
            : Html.Of($"""<div class="actions">{Layout.Button(f, "settings/calendar-feed", "Rotate the feed address")}{Layout.Button(f, "settings/calendar-feed/revoke", "Revoke the feed", "danger")}</div>""");
        return Html.Of($"{shown}{about}{buttons}");
    }

    private static string Answer(WebhookDeliveryRecord d) =>
        d.Error is { Length: > 0 } error ? error : d.StatusCode is { } code ? "HTTP " + code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—";
}

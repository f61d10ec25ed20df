using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MentorNudge.Infrastructure.Calendar;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tokens;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Content.Actions;
using MentorNudge.Core.Model;
using MentorNudge.Functions.Http;
using MentorNudge.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using NodaTime;

namespace MentorNudge.Functions.Tests.Http;

/// <summary>
/// The web app's catch-all trigger, invoked as the Functions host would after routing (the trigger
/// class directly, on the composed services and a real Azurite): sign-in through the emailed link.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed partial class AppFunctionTests(AzuriteFixture azurite)
{
    private sealed record Answer(int Status, string Body, IHeaderDictionary Headers);

    private static async Task<Answer> InvokeAsync(FunctionsHarness h, string method, string path, string? cookie = null, Dictionary<string, StringValues>? form = null, HttpContent? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = h.Services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("mentornudge.example.test");
        var query = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = "/app/" + (query < 0 ? path : path[..query]);
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        if (form is not null)
        {
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Form = new FormCollection(form);
        }

        if (body is not null)
        {
            var bytes = await body.ReadAsByteArrayAsync();
            context.Request.ContentType = body.Headers.ContentType!.ToString();
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        var result = await new App().Run(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return new Answer(context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(), context.Response.Headers);
    }

    private static string CookiePair(Answer a, string name)
    {
        var header = a.Headers.SetCookie.First(c => c!.StartsWith(name + "=", StringComparison.Ordinal))!;
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Run_SignInPage_AnswersFormWithSecurityHeaders()
    {
        await using var h = new FunctionsHarness(azurite);

        var page = await InvokeAsync(h, "GET", "signin");

        Assert.Equal(200, page.Status);
        Assert.Contains("<form method=\"post\" action=\"/app/signin\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", page.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"].ToString());
        Assert.Equal("nosniff", page.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task Run_EmailedLink_SignsInOnceWithSecureStrictCookie()
    {
        await using var h = new FunctionsHarness(azurite);
        await h.Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var form = await InvokeAsync(h, "GET", "signin");
        var csrfCookie = CookiePair(form, "mn_csrf");
        var csrf = csrfCookie["mn_csrf=".Length..];

        var forged = await InvokeAsync(h, "POST", "signin", csrfCookie, new() { ["email"] = "sam@example.com", ["csrf"] = "wrong" });
        var sent = await InvokeAsync(h, "POST", "signin", csrfCookie, new() { ["email"] = "SAM@example.com", ["csrf"] = csrf });
        var unknown = await InvokeAsync(h, "POST", "signin", csrfCookie, new() { ["email"] = "nobody@example.com", ["csrf"] = csrf });
        var email = Assert.Single(h.Email.Attempts, m => m.Headers.TryGetValue("X-MentorNudge-Kind", out var k) && k == "signIn");
        var token = LinkPattern().Match(email.Text).Groups[1].Value;

        var confirm = await InvokeAsync(h, "GET", "signin/" + token);
        var signedIn = await InvokeAsync(h, "POST", "signin/" + token, csrfCookie, new() { ["csrf"] = csrf });
        var again = await InvokeAsync(h, "POST", "signin/" + token, csrfCookie, new() { ["csrf"] = csrf });
        var session = CookiePair(signedIn, "mn_session");
        var week = await InvokeAsync(h, "GET", "", session);
        var anonymous = await InvokeAsync(h, "GET", "");

        Assert.Equal(403, forged.Status);
        Assert.Equal(sent.Body, unknown.Body);
        Assert.Equal("sam@example.com", email.To, ignoreCase: true);
        Assert.Equal(200, confirm.Status);
        Assert.Equal(303, signedIn.Status);
        var setCookie = signedIn.Headers.SetCookie.First(c => c!.StartsWith("mn_session=", StringComparison.Ordinal))!.ToLowerInvariant();
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("secure", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", setCookie, StringComparison.Ordinal);
        Assert.Equal(400, again.Status);
        Assert.Equal(200, week.Status);
        Assert.Contains("<h1>This week</h1>", week.Body, StringComparison.Ordinal);
        Assert.Equal(303, anonymous.Status);
        Assert.Equal("/app/signin", anonymous.Headers.Location.ToString());
    }

    [Fact]
    public async Task Run_TokensPage_CreatesShowsOnceListsAndRevokes()
    {
        await using var h = new FunctionsHarness(azurite);
        var user = await h.Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var tokens = h.Services.GetRequiredService<ApiTokenService>();
        var before = (await tokens.ListAsync(user.UserId)).Select(t => t.Id).ToList();
        var (session, csrf) = await SignInAsync(h, "sam@example.com");

        var forged = await InvokeAsync(h, "POST", "settings/tokens", session, new() { ["csrf"] = "wrong" });
        var badDate = await InvokeAsync(h, "POST", "settings/tokens", session, new() { ["csrf"] = csrf, ["expires"] = "2000-01-01" });
        var created = await InvokeAsync(h, "POST", "settings/tokens", session, new() { ["csrf"] = csrf, ["expires"] = "" });
        var secret = SecretPattern().Match(created.Body).Groups[1].Value;
        var listed = await InvokeAsync(h, "GET", "settings/tokens", session);
        var id = Assert.Single((await tokens.ListAsync(user.UserId)).Select(t => t.Id).Except(before));
        var revoked = await InvokeAsync(h, "POST", $"settings/tokens/{id}/revoke", session, new() { ["csrf"] = csrf });
        var after = await InvokeAsync(h, "GET", "settings/tokens", session);

        Assert.Equal(403, forged.Status);
        Assert.Equal(400, badDate.Status);
        Assert.Equal(200, created.Status);
        Assert.NotEmpty(secret);
        Assert.Contains(id, listed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Body, StringComparison.Ordinal);
        Assert.Equal(303, revoked.Status);
        Assert.DoesNotContain(id, after.Body, StringComparison.Ordinal);
        Assert.Equal(before, (await tokens.ListAsync(user.UserId)).Select(t => t.Id).ToList());
    }

    [Fact]
    public async Task Run_SendATest_DeliversSignedTestEventAndListsEachDelivery()
    {
        await using var h = new FunctionsHarness(azurite);
        const string secret = "whsec_functions_test_0123456789";
        var (userId, _, _) = await h.UserWithOutreachAsync(secret);
        var (session, csrf) = await SignInAsync(h, "sam@example.com");

        var before = await InvokeAsync(h, "GET", "settings", session);
        var delivered = await InvokeAsync(h, "POST", "settings/webhook/test", session, new() { ["csrf"] = csrf });
        h.Clock.Advance(Duration.FromSeconds(5));
        h.Receiver.Status = HttpStatusCode.Gone;
        var rejected = await InvokeAsync(h, "POST", "settings/webhook/test", session, new() { ["csrf"] = csrf });
        var after = await InvokeAsync(h, "GET", "settings", session);

        Assert.Contains("No deliveries yet", before.Body, StringComparison.Ordinal);
        Assert.Equal(200, delivered.Status);
        Assert.Contains("Test delivered: HTTP 200.", delivered.Body, StringComparison.Ordinal);
        Assert.Contains("Test not delivered: HTTP 410.", rejected.Body, StringComparison.Ordinal);
        Assert.Equal(2, h.Receiver.Received.Count);
        var (signature, body) = h.Receiver.Received[0];
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(signature, body, secret, h.Clock.GetCurrentInstant()));
        Assert.Contains("Test event from MentorNudge", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        var log = await h.Services.GetRequiredService<WebhookDeliveryLog>().ListAsync(userId);
        Assert.Equal(["failed", "delivered"], log.Select(d => d.Status).ToArray());
        Assert.All(log, d => Assert.Equal(1, d.Attempts));
        Assert.Equal(2, Regex.Count(after.Body, "<td>test</td>"));
    }

    [Fact]
    public async Task Run_CalendarFeed_ShowsAddressOnceThenOnlyRotateAndRevoke()
    {
        await using var h = new FunctionsHarness(azurite);
        var user = await h.Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var (session, csrf) = await SignInAsync(h, "sam@example.com");
        var feeds = h.Services.GetRequiredService<CalendarFeeds>();

        var created = await InvokeAsync(h, "POST", "settings/calendar-feed", session, new() { ["csrf"] = csrf });
        var url = FeedPattern().Match(created.Body).Groups[1].Value;
        var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];
        var found = await feeds.FindAsync(token);
        var later = await InvokeAsync(h, "GET", "settings", session);
        var revoked = await InvokeAsync(h, "POST", "settings/calendar-feed/revoke", session, new() { ["csrf"] = csrf });

        Assert.StartsWith("https://mentornudge.example.test/api/v1/calendar/", url, StringComparison.Ordinal);
        Assert.Equal(user.UserId, found?.UserId);
        Assert.DoesNotContain(token, later.Body, StringComparison.Ordinal);
        Assert.Contains("Rotate the feed address", later.Body, StringComparison.Ordinal);
        Assert.Equal(303, revoked.Status);
        Assert.Null(await feeds.FindAsync(token));
        Assert.Null(await feeds.IssuedAtAsync(user.UserId));
    }

    [Fact]
    public async Task Actions_OwnerSignedIn_LandsOnPersonPageElsePlainPage()
    {
        await using var h = new FunctionsHarness(azurite);
        var (userId, personId, _) = await h.UserWithOutreachAsync();
        await h.Users.CreateAsync("kim@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var nudgeId = (await h.Users.ExportAsync(userId)).Nudges.First(n => n.Kind == NudgeKind.FollowUp).NudgeId;
        var tokens = h.Services.GetRequiredService<ActionTokens>();
        string Link(ActionKind kind) => tokens.Create(userId, nudgeId, kind, h.Clock.GetCurrentInstant() + Duration.FromDays(30));
        var (session, _) = await SignInAsync(h, "sam@example.com");
        var (otherSession, _) = await SignInAsync(h, "kim@example.com");

        var owner = await InvokeActionAsync(h, Link(ActionKind.Snooze), session);
        var stranger = await InvokeActionAsync(h, Link(ActionKind.Snooze), otherSession);
        var anonymous = await InvokeActionAsync(h, Link(ActionKind.Replied), null);

        Assert.Equal(303, owner.Status);
        Assert.Equal("/app/people/" + personId + "?m=snoozed", owner.Headers.Location.ToString());
        Assert.Equal(200, stranger.Status);
        Assert.Contains("snoozed for a week", stranger.Body, StringComparison.Ordinal);
        Assert.Equal(200, anonymous.Status);
        Assert.Contains("follow-up reminders about Ada Lovelace are cancelled", anonymous.Body, StringComparison.Ordinal);
        var page = await InvokeAsync(h, "GET", "people/" + personId + "?m=snoozed", session);
        Assert.Contains("Snoozed for a week.", page.Body, StringComparison.Ordinal);
    }

    private static async Task<Answer> InvokeActionAsync(FunctionsHarness h, string token, string? cookie)
    {
        var context = new DefaultHttpContext { RequestServices = h.Services };
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("mentornudge.example.test");
        context.Request.Path = "/api/v1/actions/" + token;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        context.Response.Body = new MemoryStream();
        var result = await new Actions().Run(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return new Answer(context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(), context.Response.Headers);
    }

    private static async Task<(string Session, string Csrf)> SignInAsync(FunctionsHarness h, string address)
    {
        var form = await InvokeAsync(h, "GET", "signin");
        var csrfCookie = CookiePair(form, "mn_csrf");
        var csrf = csrfCookie["mn_csrf=".Length..];
        await InvokeAsync(h, "POST", "signin", csrfCookie, new() { ["email"] = address, ["csrf"] = csrf });
        var email = h.Email.Attempts.Last(m => m.Headers.TryGetValue("X-MentorNudge-Kind", out var k) && k == "signIn");
        var token = LinkPattern().Match(email.Text).Groups[1].Value;
        var signedIn = await InvokeAsync(h, "POST", "signin/" + token, csrfCookie, new() { ["csrf"] = csrf });
        var session = CookiePair(signedIn, "mn_session");
        var page = await InvokeAsync(h, "GET", "settings/tokens", session);
        return (session, CsrfPattern().Match(page.Body).Groups[1].Value);
    }

    [GeneratedRegex("""<meta name="csrf-token" content="([^"]+)">""")]
    private static partial Regex CsrfPattern();

    [GeneratedRegex("""id="new-token".*?<code>([^<]+)</code>""", RegexOptions.Singleline)]
    private static partial Regex SecretPattern();

    [GeneratedRegex("""id="calendar-feed".*?<code class="wrap">([^<]+)</code>""", RegexOptions.Singleline)]
    private static partial Regex FeedPattern();

    [GeneratedRegex(@"https://mentornudge\.example\.test/app/signin/(\S+)")]
    private static partial Regex LinkPattern();
}

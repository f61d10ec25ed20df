using System.Text.Json;
using System.Text.RegularExpressions;
using MentorNudge.Cli.Tests.Email;
using MentorNudge.Cli.Tests.EndToEnd;
using Microsoft.Playwright;
using NodaTime;

namespace MentorNudge.Cli.Tests.Web;

/// <summary>
/// The web app in Debian's Chromium against the local host on a virtual clock and its own Azurite
/// (the same <c>LocalHost</c> <c>serve --virtual-clock</c> starts): a user's whole story through the
/// pages, every page checked with axe-core at 375 and 1280 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class WebAppBrowserTests
{
    // Monday 9 March 2026, 10:00 in London (GMT): the weekly digest is next Monday 08:00.
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 9, 10, 0);

    [Fact]
    public async Task WebApp_UserStory_SignInAddOutreachCoachReplyDigestSettingsExportErase()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Assert.False(HeadlessChromium.IsCi, HeadlessChromium.MissingMessage);
            return;
        }

        await using var h = await LocalHostHarness.StartAsync(Start);
        await h.CreateUserAsync("alex@example.com", "Europe/London", "GB");
        var app = new Uri(h.Host.BaseAddress, "app/");
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, AcceptDownloads = true });
                var page = await context.NewPageAsync();
                var cspViolations = new List<string>();
                page.Console += (_, m) =>
                {
                    if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                    {
                        cspViolations.Add(m.Text);
                    }
                };

                // Signed out, the app sends you to sign in; the link arrives in the outbox.
                await page.GotoAsync(app.AbsoluteUri);
                Assert.EndsWith("/app/signin", page.Url, StringComparison.Ordinal);
                await WebPageCheck.CheckAsync(page, "signin");
                await page.GetByLabel("Email").FillAsync("alex@example.com");
                await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }));
                var link = SignInLink(h);
                await page.GotoAsync(link);
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to MentorNudge" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This week" }));
                var session = (await context.CookiesAsync()).Single(c => c.Name == "mn_session");
                Assert.True(session.HttpOnly);
                Assert.Equal(SameSiteAttribute.Strict, session.SameSite);

                // Add two people.
                await AddPersonAsync(page, app, "Marcus Lee", "marcus@example.com");
                var marcusUrl = page.Url;
                await AddPersonAsync(page, app, "Priya Shah", "priya@example.com");
                var priyaUrl = page.Url;
                await WebPageCheck.CheckAsync(page, "person");

                // The coach flags a generic ask while typing, before anything is saved.
                var text = page.GetByLabel("What you asked");
                await text.PressSequentiallyAsync("Hi Priya, will you be my mentor?");
                await Expect(page.Locator("#coach [data-code='generic-mentor-ask']"));
                await page.GetByLabel("Subject").FillAsync("Your first 90 days as a lead");
                await text.FillAsync("Hi Priya, could I ask you two questions about your first 90 days as a lead, on a 20-minute call next week?");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save outreach" }).ClickAsync();
                await Expect(page.GetByText("Outreach logged"));

                // The follow-up is in the schedule: five business days later at 09:00 London time (Monday 16 March).
                await page.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
                var followUp = page.Locator("li[data-kind='FollowUp']", new() { HasText = "Priya Shah" });
                await Expect(followUp);
                Assert.Contains("09:00", await followUp.InnerTextAsync(), StringComparison.Ordinal);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon 16 Mar 2026" }));
                await WebPageCheck.CheckAsync(page, "schedule");

                // The month view: March 2026 as a calendar, both follow-ups on their days, each opening to say why.
                await page.GetByRole(AriaRole.Link, new() { Name = "Month" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "March 2026" }));
                var monthFollowUps = page.Locator("table.month li[data-kind='FollowUp']");
                await Assertions.Expect(monthFollowUps).ToHaveCountAsync(2);
                var firstDay = page.Locator("table.month td").Filter(new() { Has = page.Locator("li[data-kind='FollowUp']") }).First;
                Assert.Equal("16", (await firstDay.Locator(".date").InnerTextAsync()).Trim());
                await monthFollowUps.First.Locator("summary").ClickAsync();
                await Expect(monthFollowUps.First.GetByText("Follow-up 1 of 2"));
                await Expect(monthFollowUps.First.GetByRole(AriaRole.Link, new() { Name = "Priya Shah" }));
                await WebPageCheck.CheckAsync(page, "schedule-month");

                // A reply cancels it.
                await page.GotoAsync(priyaUrl);
                await page.GetByRole(AriaRole.Button, new() { Name = "They replied" }).ClickAsync();
                await Expect(page.GetByText("Reply recorded"));
                // Both planned follow-ups (16 and 25 March) are cancelled.
                await Assertions.Expect(page.Locator(".timeline li", new() { HasText = "cancelled Follow-up reminder (answered)" })).ToHaveCountAsync(2);
                await page.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
                Assert.Equal(0, await page.Locator("li[data-kind='FollowUp']").CountAsync());

                // This week: complete the digest prompt for Marcus.
                await page.GetByRole(AriaRole.Link, new() { Name = "This week" }).ClickAsync();
                var card = page.Locator(".card", new() { HasText = "Marcus Lee" });
                await Expect(card);
                await WebPageCheck.CheckAsync(page, "week");
                await card.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
                await Expect(page.GetByText("Done: logged as an interaction"));
                await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
                await WebPageCheck.CheckAsync(page, "people");
                await page.GetByRole(AriaRole.Link, new() { Name = "Marcus Lee" }).ClickAsync();
                Assert.Equal(1, await page.Locator(".timeline li", new() { HasText = "You " }).CountAsync());

                // Settings: the digest moves from Monday to Wednesday 07:30, and the schedule follows.
                await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
                await WebPageCheck.CheckAsync(page, "settings");
                await Expect(page.Locator("#capture-address", new() { HasText = "@capture.localhost" }));
                await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("Wednesday");
                await page.GetByLabel("Time", new() { Exact = true }).FillAsync("07:30");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
                await Expect(page.GetByText("Saved."));
                await page.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
                var digest = page.Locator("li[data-kind='WeeklyDigest']").First;
                Assert.Contains("07:30", await digest.InnerTextAsync(), StringComparison.Ordinal);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wed 11 Mar 2026" }));

                // Webhook: "send a test" goes through the real sender, which refuses loopback targets here; the page says so and lists it.
                await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
                await page.GetByLabel("URL").FillAsync("https://127.0.0.1:9/hooks/mentornudge");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
                await Expect(page.GetByText("Saved."));
                await page.GetByRole(AriaRole.Button, new() { Name = "Send a test" }).ClickAsync();
                await Expect(page.Locator("#webhook-test-result", new() { HasText = "refused: loopback" }));
                await Expect(page.Locator("#webhook-deliveries tbody tr", new() { HasText = "failed" }));

                // Calendar feed: made in the app, its address shown once and served; revoked, it stops.
                await page.GetByRole(AriaRole.Button, new() { Name = "Create a feed address" }).ClickAsync();
                var feedUrl = (await page.Locator("#calendar-feed code").InnerTextAsync()).Trim();
                using (var feed = await h.Http.GetAsync(new Uri(feedUrl)))
                {
                    Assert.Equal(200, (int)feed.StatusCode);
                    Assert.Contains("BEGIN:VCALENDAR", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }

                await page.Locator("#webhook-h").ScrollIntoViewIfNeededAsync();
                await WebPageCheck.CheckAsync(page, "settings-connections");
                await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the feed" }).ClickAsync();
                await Expect(page.GetByText("Calendar feed revoked"));
                using (var revoked = await h.Http.GetAsync(new Uri(feedUrl)))
                {
                    Assert.Equal(404, (int)revoked.StatusCode);
                }

                // An email's one-click link lands the signed-in owner on the person's page with the result.
                // (An hour on: an outreach at the very instant of the logged interaction counts as already answered.)
                await h.AdvanceAsync("PT1H");
                await page.GotoAsync(marcusUrl);
                await page.GetByLabel("Subject").FillAsync("Coffee next week?");
                await page.GetByLabel("What you asked").FillAsync("Hi Marcus, could we have a 20-minute coffee next Tuesday about your move into platform work?");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save outreach" }).ClickAsync();
                await Expect(page.GetByText("Outreach logged"));
                await h.AdvanceAsync("P7D");
                var followUpEmail = h.Emails().Single(e => e.Kind == "followUp");
                await page.GotoAsync(ActionLink(followUpEmail, "They replied"));
                await page.GetByRole(AriaRole.Button, new() { Name = "Yes, they replied" }).ClickAsync();
                await Expect(page.GetByText("Reply recorded"));
                Assert.Equal(new Uri(marcusUrl).AbsolutePath + "?m=replied", new Uri(page.Url).PathAndQuery);

                // Without a session the same email's links answer as they always did.
                await using (var stranger = await browser.NewContextAsync())
                {
                    var plain = await stranger.NewPageAsync();
                    await plain.GotoAsync(ActionLink(followUpEmail, "Snooze a week"));
                    await plain.GetByRole(AriaRole.Button, new() { Name = "Snooze a week" }).ClickAsync();
                    await plain.WaitForURLAsync(url => url.Contains("/api/v1/actions/", StringComparison.Ordinal));
                    await Assertions.Expect(plain.Locator("body")).ToContainTextAsync("Marcus Lee are snoozed for a week");
                }

                // Export: the download is the API's export document.
                await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download everything as JSON" }).ClickAsync());
                using (var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
                {
                    var names = json.RootElement.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order().ToList();
                    Assert.Equal(["Marcus Lee", "Priya Shah"], names);
                    Assert.Equal("wednesday", json.RootElement.GetProperty("user").GetProperty("weeklyDigest").GetProperty("day").GetString());
                }

                // Import: a LinkedIn export previewed (nothing saved), then the same file imported; Priya matches by email.
                await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = "Import people from LinkedIn, vCards or a CSV" }).ClickAsync();
                var connections = new FilePayload
                {
                    Name = "Connections.csv",
                    MimeType = "text/csv",
                    Buffer = System.Text.Encoding.UTF8.GetBytes(
                        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
                        "Ada,Lovelace,https://www.linkedin.com/in/adalovelace,ada@example.org,Analytical Engines,Chief Mathematician,12 Mar 2021\r\n" +
                        "Priya,Shah,,priya@example.com,,,01 Jan 2020\r\n"),
                };
                await page.Locator("#import-file").SetInputFilesAsync(connections);
                await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
                await Expect(page.Locator("#import-report", new() { HasText = "1 would be created" }));
                await WebPageCheck.CheckAsync(page, "import");
                await page.Locator("#import-file").SetInputFilesAsync(connections);
                await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
                await Expect(page.Locator("#import-report", new() { HasText = "1 created" }));
                await page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace", Level = 1 }));

                // Erase: confirmed by typing; the session is gone with the account.
                await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
                await page.GetByLabel("To erase your account").FillAsync("erase");
                await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
                await Expect(page.GetByText("Your account and all its data are erased."));
                await page.GotoAsync(app.AbsoluteUri);
                Assert.EndsWith("/app/signin", page.Url, StringComparison.Ordinal);
                using var gone = await h.RawAsync(HttpMethod.Get, "me", null, admin: false);
                Assert.Equal(401, (int)gone.StatusCode);
                Assert.Empty(cspViolations);
            }
        }
    }

    private static async Task AddPersonAsync(IPage page, Uri app, string name, string email)
    {
        await page.GotoAsync(new Uri(app, "people").AbsoluteUri);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Emails").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }));
    }

    private static string SignInLink(LocalHostHarness h)
    {
        var email = h.Emails().Last(e => e.Kind == "signIn" && e.To == "alex@example.com");
        return LinkPattern().Match(email.Text ?? "").Value;
    }

    private static string ActionLink(OutboxEmail email, string label) =>
        Regex.Match(email.Text ?? "", Regex.Escape(label) + @"(?: [^:\n]*)?: (\S+)").Groups[1].Value;

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = 10_000 });

    [GeneratedRegex(@"http://localhost:\d+/app/signin/\S+")]
    private static partial Regex LinkPattern();
}

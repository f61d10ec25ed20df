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
                await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("Wednesday");
                await page.GetByLabel("Time", new() { Exact = true }).FillAsync("07:30");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
                await Expect(page.GetByText("Saved."));
                await page.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
                var digest = page.Locator("li[data-kind='WeeklyDigest']").First;
                Assert.Contains("07:30", await digest.InnerTextAsync(), StringComparison.Ordinal);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wed 11 Mar 2026" }));

                // Export: the download is the API's export document.
                await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download everything as JSON" }).ClickAsync());
                using (var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
                {
                    var names = json.RootElement.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order().ToList();
                    Assert.Equal(["Marcus Lee", "Priya Shah"], names);
                    Assert.Equal("wednesday", json.RootElement.GetProperty("user").GetProperty("weeklyDigest").GetProperty("day").GetString());
                }

                // Erase: confirmed by typing; the session is gone with the account.
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

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = 10_000 });

    [GeneratedRegex(@"http://localhost:\d+/app/signin/\S+")]
    private static partial Regex LinkPattern();
}

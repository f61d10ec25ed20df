using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Cli.Tests.EndToEnd;
using MentorNudge.Core.Model;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MentorNudge.Cli.Tests.Email;

/// <summary>
/// The digest and the follow-up reminder, as the pipeline renders and the outbox writes them,
/// opened in headless Chromium at phone and desktop widths: no horizontal scroll, every action
/// link visible. Screenshots are kept in artifacts/screenshots/ for people to look at.
/// </summary>
public sealed class EmailLayoutTests
{
    [Theory]
    [InlineData("followUp", 375)]
    [InlineData("followUp", 800)]
    [InlineData("weeklyDigest", 375)]
    [InlineData("weeklyDigest", 800)]
    public async Task RenderedEmail_OpenedAtWidth_FitsAndShowsEveryLink(string kind, int width)
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Assert.False(HeadlessChromium.IsCi, HeadlessChromium.MissingMessage);
            return;
        }

        var email = await RenderedEmails.GetAsync(kind);
        Assert.False(string.IsNullOrWhiteSpace(email.Html), $"The {kind} email has no HTML part.");
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var screenshot = Path.Combine(HeadlessChromium.RepositoryRoot(), "artifacts", "screenshots", $"{kind}-{width}.png");

                var check = await LayoutCheck.MeasureAsync(browser, email.Html!, width, screenshot);

                Assert.True(check.ScrollWidth <= check.InnerWidth, $"{kind} at {width}px scrolls sideways: scrollWidth {check.ScrollWidth} > innerWidth {check.InnerWidth}. See {screenshot}.");
                Assert.Empty(check.HiddenLinks);
                Assert.True(File.Exists(screenshot));
            }
        }
    }

    /// <summary>One follow-up and one digest from a real run, shared by the cases above.</summary>
    private static class RenderedEmails
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static IReadOnlyList<OutboxEmail>? _emails;

        public static async Task<OutboxEmail> GetAsync(string kind)
        {
            await Gate.WaitAsync();
            try
            {
                _emails ??= await RenderAsync();
            }
            finally
            {
                Gate.Release();
            }

            return _emails.First(e => e.Kind == kind);
        }

        private static async Task<IReadOnlyList<OutboxEmail>> RenderAsync()
        {
            // Friday 6 March 2026: the digest arrives Monday the 9th, the follow-up Friday the 13th.
            await using var host = await LocalHostHarness.StartAsync(Instant.FromUtc(2026, 3, 6, 10, 0));

            // Through the use cases the API calls: this check is about the rendered HTML.
            var user = await host.Use<Users>().CreateAsync("alex@example.com", UserSettings.CreateDefault("Europe/London", "GB"), "Alex Morgan");
            var priya = await host.Use<People>().AddAsync(user.UserId, new PersonDraft("Priya Shah", ["priya@example.com"], Interests: ["engineering leadership"], Links: ["https://example.com/priya/a/very/long/link/to/an/article/that/should/wrap/rather/than/push/the/layout/sideways"]));
            await host.Use<People>().AddAsync(user.UserId, new PersonDraft("Mei Lin", ["mei@example.com"], Connection.Admired, Interests: ["distributed systems"], Links: ["https://example.com/mei/newsletter/issues/2026/an-unusually-long-slug-about-distributed-systems-that-must-wrap"]));
            await host.Use<People>().AddAsync(user.UserId, new PersonDraft("Tomás Rivera", ["tomas@example.com"], Role: PersonRole.Peer, Interests: ["observability"], Links: ["https://example.com/tomas/talks/observability-in-practice-a-very-long-unbroken-path-segment-for-wrapping"]));
            await host.Use<Outreach>().LogAsync(user.UserId, priya.Id, new OutreachDraft(
                Instant.FromUtc(2026, 3, 6, 10, 0),
                "email",
                "A question about your first ninety days as an engineering lead, and one about hiring for a new team",
                "Hi Priya, could I ask you two questions about your first 90 days as a lead, on a 20-minute call next week?"));
            await host.SetClockAsync(Instant.FromUtc(2026, 3, 13, 12, 0));
            return host.Emails();
        }
    }
}

using MentorNudge.Cli.Tests.EndToEnd;
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
            await host.CreateUserAsync();
            var priya = await host.AddPersonAsync("Priya Shah");
            await host.AddPersonAsync("Mei Lin", connection: "admired");
            await host.AddPersonAsync("Tomás Rivera", role: "peer");
            await host.PostAsync($"people/{priya}/outreach", new
            {
                sentAt = "2026-03-06T10:00:00Z",
                subject = "A question about your first ninety days as an engineering lead, and one about hiring",
                text = "Hi Priya, could I ask you two questions about your first 90 days as a lead, on a 20-minute call next week? https://example.com/a/very/long/link/that/should/wrap/rather/than/push/the/layout/sideways/on/a/phone",
            });
            await host.SetClockAsync(Instant.FromUtc(2026, 3, 13, 12, 0));
            return host.Emails();
        }
    }
}

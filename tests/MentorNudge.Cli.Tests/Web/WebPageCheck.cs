using System.Text.Json;
using MentorNudge.Cli.Tests.Email;
using Microsoft.Playwright;

namespace MentorNudge.Cli.Tests.Web;

/// <summary>
/// What every page of the web app is checked for: axe-core (from npm, evaluated into the page
/// through the DevTools protocol, so the app's CSP stays on) finds no serious or critical
/// violation and nothing scrolls sideways at the page's width. With <c>MENTORNUDGE_SCREENSHOTS=1</c> the
/// run also rewrites the screenshots in docs/screenshots/; otherwise it leaves the docs alone.
/// </summary>
public static class WebPageCheck
{
    /// <summary>True when this run should rewrite docs/screenshots/.</summary>
    public static bool WritesScreenshots => Environment.GetEnvironmentVariable("MENTORNUDGE_SCREENSHOTS") == "1";

    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(HeadlessChromium.RepositoryRoot(), "node_modules", "axe-core", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '));
            }
            """);
        return found.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>Sideways scroll (and, when asked, a screenshot) at 375 and 1280 px, axe once at 1280 px (the page is left there).</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            if (width == 1280)
            {
                var violations = await AxeViolationsAsync(page);
                Assert.True(violations.Count == 0, $"{name}: " + string.Join("; ", violations));
            }

            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(scroll <= 0, $"{name} at {width}px scrolls sideways by {scroll}px.");
            if (WritesScreenshots)
            {
                var folder = Path.Combine(HeadlessChromium.RepositoryRoot(), "docs", "screenshots");
                Directory.CreateDirectory(folder);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png") });
            }
        }
    }
}

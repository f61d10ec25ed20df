using Microsoft.Playwright;

namespace MentorNudge.Cli.Tests.Email;

/// <summary>What a rendered email looks like at one width.</summary>
public sealed record LayoutCheck(int Width, int ScrollWidth, int InnerWidth, IReadOnlyList<string> HiddenLinks, string Screenshot)
{
    public bool ScrollsHorizontally => ScrollWidth > InnerWidth;

    /// <summary>Opens <paramref name="html"/> at <paramref name="width"/> px and measures it; saves a full-page screenshot.</summary>
    public static async Task<LayoutCheck> MeasureAsync(IBrowser browser, string html, int width, string screenshotPath)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = true,
        });
        var page = await context.NewPageAsync();

        // Emails must not need the network; block it so a remote image cannot hang the check.
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var innerWidth = await page.EvaluateAsync<int>("() => window.innerWidth");

        // A link is visible when it has a box with size, is not hidden by CSS, and lies within the page width.
        var hidden = await page.EvaluateAsync<string[]>(
            """
            () => Array.from(document.querySelectorAll('a[href]')).filter(a => {
              const r = a.getBoundingClientRect();
              const s = getComputedStyle(a);
              return r.width < 1 || r.height < 1 || s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0
                || r.left < 0 || r.right > window.innerWidth + 0.5;
            }).map(a => (a.textContent || '').trim() + ' -> ' + a.getAttribute('href'))
            """);
        Directory.CreateDirectory(Path.GetDirectoryName(screenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true });
        return new LayoutCheck(width, scrollWidth, innerWidth, hidden, screenshotPath);
    }
}

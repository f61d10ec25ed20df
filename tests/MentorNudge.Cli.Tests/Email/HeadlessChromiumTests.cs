namespace MentorNudge.Cli.Tests.Email;

public sealed class HeadlessChromiumTests
{
    // Proves the measuring harness itself can fail: a page wider than the viewport and a hidden link are caught.
    [Fact]
    public async Task MeasureAsync_WidePageAndHiddenLink_AreReported()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Assert.False(HeadlessChromium.IsCi, HeadlessChromium.MissingMessage);
            return;
        }

        const string html = """
            <!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body>
            <div style="width:900px">wide</div>
            <a href="https://example.invalid/ok">Visible</a>
            <a href="https://example.invalid/hidden" style="display:none">Hidden</a>
            </body></html>
            """;
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var path = Path.Combine(Path.GetTempPath(), "mentornudge-harness-" + Guid.NewGuid().ToString("N") + ".png");
                var check = await LayoutCheck.MeasureAsync(browser, html, 375, path);

                Assert.True(check.ScrollsHorizontally);
                Assert.Equal(375, check.InnerWidth);
                Assert.Equal(["Hidden -> https://example.invalid/hidden"], check.HiddenLinks);
                Assert.True(new FileInfo(path).Length > 0);
                File.Delete(path);
            }
        }
    }
}

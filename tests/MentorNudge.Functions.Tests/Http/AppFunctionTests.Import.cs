using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;
using MentorNudge.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Functions.Tests.Http;

/// <summary>The web app's import page (preview, import) and the settings page's BCC capture section, through the catch-all trigger.</summary>
public sealed partial class AppFunctionTests
{
    private const string ContactsCsv =
        "name,email,website\r\nAda Lovelace,ada@example.org,https://ada.example/\r\nBob,not-an-address,\r\nCarol Shaw,carol@example.org,\r\n";

    private static MultipartFormDataContent Upload(string csrf, string content, string fileName = "contacts.csv", bool commit = false, string keepInTouch = "")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "text/plain");
        return new MultipartFormDataContent
        {
            { new StringContent(csrf), "csrf" },
            { new StringContent(commit ? "true" : "false"), "commit" },
            { new StringContent(keepInTouch), "keepInTouchEveryDays" },
            { file, "file", fileName },
        };
    }

    private static int[] Counts(Answer a) =>
        new[] { "created", "updated", "unchanged", "skipped" }.Select(k => int.Parse(Regex.Match(a.Body, $"""id="import-{k}">(\d+)<""").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task Run_ImportPreviewThenImport_CountsRightAndSecondImportCreatesNothing()
    {
        await using var h = new FunctionsHarness(azurite);
        var user = await h.Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        await h.People.AddAsync(user.UserId, new PersonDraft("Ada Lovelace", ["ada@example.org"]));
        var (session, csrf) = await SignInAsync(h, "sam@example.com");

        var page = await InvokeAsync(h, "GET", "people/import", session);
        var forged = await InvokeAsync(h, "POST", "people/import", session, body: Upload("wrong", ContactsCsv, commit: true));
        var preview = await InvokeAsync(h, "POST", "people/import", session, body: Upload(csrf, ContactsCsv, keepInTouch: "30"));
        var afterPreview = await h.People.ListAsync(user.UserId);
        var imported = await InvokeAsync(h, "POST", "people/import", session, body: Upload(csrf, ContactsCsv, commit: true, keepInTouch: "30"));
        var afterImport = await h.People.ListAsync(user.UserId);
        var again = await InvokeAsync(h, "POST", "people/import", session, body: Upload(csrf, ContactsCsv, commit: true, keepInTouch: "30"));

        Assert.Equal(200, page.Status);
        Assert.Contains("enctype=\"multipart/form-data\"", page.Body, StringComparison.Ordinal);
        Assert.Equal(403, forged.Status);
        Assert.Equal(200, preview.Status);
        Assert.Contains("<h2 id=\"report-h\">Preview</h2>", preview.Body, StringComparison.Ordinal);
        Assert.Equal([1, 1, 0, 1], Counts(preview));
        Assert.Matches("<td>3</td><td>skipped</td><th scope=\"row\">Bob</th><td>emails\\[0\\]: ", preview.Body);
        Assert.Contains("<td>4</td><td>would be created</td>", preview.Body, StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace", Assert.Single(afterPreview).Name);
        Assert.Empty(afterPreview[0].Links);
        Assert.Equal(200, imported.Status);
        Assert.Contains("<h2 id=\"report-h\">Imported</h2>", imported.Body, StringComparison.Ordinal);
        Assert.Equal([1, 1, 0, 1], Counts(imported));
        Assert.Equal(["Ada Lovelace", "Carol Shaw"], afterImport.Select(p => p.Name).Order().ToArray());
        var carol = afterImport.Single(p => p.Name == "Carol Shaw");
        Assert.Equal(30, carol.KeepInTouchEveryDays);
        Assert.Equal(Connection.Existing, carol.Connection);
        Assert.Contains($"href=\"/app/people/{carol.Id}\"", imported.Body, StringComparison.Ordinal);
        Assert.Equal([0, 0, 2, 1], Counts(again));
        Assert.Equal(2, (await h.People.ListAsync(user.UserId)).Count);
    }

    [Fact]
    public async Task Run_ImportBadUpload_AnswersErrorsAndWritesNothing()
    {
        await using var h = new FunctionsHarness(azurite);
        var user = await h.Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var (session, csrf) = await SignInAsync(h, "sam@example.com");

        var wrongType = await InvokeAsync(h, "POST", "people/import", session, body: Upload(csrf, ContactsCsv, "contacts.txt", commit: true));
        var badInterval = await InvokeAsync(h, "POST", "people/import", session, body: Upload(csrf, ContactsCsv, commit: true, keepInTouch: "0"));
        var tooLarge = await InvokeAsync(h, "POST", "people/import", session, body: Upload(csrf, new string('x', (int)MentorNudge.Api.Endpoints.ImportEndpoints.MaxBytes + (128 * 1024)), commit: true));

        Assert.Equal(400, wrongType.Status);
        Assert.Contains("A .csv or .vcf file", wrongType.Body, StringComparison.Ordinal);
        Assert.Equal(400, badInterval.Status);
        Assert.Contains("keepInTouchEveryDays: A whole number of days from 1 to 365", badInterval.Body, StringComparison.Ordinal);
        Assert.Equal(413, tooLarge.Status);
        Assert.Empty(await h.People.ListAsync(user.UserId));
    }

    [Fact]
    public async Task Run_CaptureSection_ShowsAddressRotatesAndSetsCreatePeople()
    {
        await using var h = new FunctionsHarness(azurite, new Dictionary<string, string?> { ["MentorNudge:Capture:InboundDomain"] = "in.example.test" });
        var user = await h.Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var (session, csrf) = await SignInAsync(h, "sam@example.com");
        var captures = h.Services.GetRequiredService<CaptureAddresses>();

        var before = await InvokeAsync(h, "GET", "settings", session);
        var first = System.Net.WebUtility.HtmlDecode(CaptureAddressPattern().Match(before.Body).Groups[1].Value);
        var forged = await InvokeAsync(h, "POST", "settings/capture-address", session, new() { ["csrf"] = "wrong" });
        var rotated = await InvokeAsync(h, "POST", "settings/capture-address", session, new() { ["csrf"] = csrf });
        var switched = await InvokeAsync(h, "POST", "settings/capture-address/create-people", session, new() { ["csrf"] = csrf, ["createPeople"] = "true" });
        var after = await InvokeAsync(h, "GET", "settings?m=capturerotated", session);
        var second = System.Net.WebUtility.HtmlDecode(CaptureAddressPattern().Match(after.Body).Groups[1].Value);

        Assert.Matches("^log\\+[a-z2-7]{26}@in\\.example\\.test$", first);
        Assert.Equal(403, forged.Status);
        Assert.Equal(303, rotated.Status);
        Assert.Equal(303, switched.Status);
        Assert.Matches("^log\\+[a-z2-7]{26}@in\\.example\\.test$", second);
        Assert.NotEqual(first, second);
        Assert.Null(await captures.FindAsync(first));
        Assert.Equal((user.UserId, true), await captures.FindAsync(second));
        Assert.Contains("name=\"createPeople\" value=\"true\" checked", after.Body, StringComparison.Ordinal);
        Assert.Contains("the old one no longer works", after.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CaptureOff_SettingsExplainsAndShowsNoAddress()
    {
        await using var h = new FunctionsHarness(azurite);
        await h.Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var (session, csrf) = await SignInAsync(h, "sam@example.com");

        var page = await InvokeAsync(h, "GET", "settings", session);
        var rotate = await InvokeAsync(h, "POST", "settings/capture-address", session, new() { ["csrf"] = csrf });

        Assert.Contains("id=\"capture-off\"", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"capture-address\"", page.Body, StringComparison.Ordinal);
        Assert.Equal(303, rotate.Status);
        Assert.Equal("/app/settings", rotate.Headers.Location.ToString());
    }

    [GeneratedRegex("""id="capture-address">([^<]+)</code>""")]
    private static partial Regex CaptureAddressPattern();
}

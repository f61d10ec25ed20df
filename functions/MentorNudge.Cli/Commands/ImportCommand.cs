using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace MentorNudge.Cli.Commands;

/// <summary>
/// <c>mentornudge import &lt;file&gt;</c>: uploads a LinkedIn Connections.csv, a CSV or a .vcf to a running
/// MentorNudge (<c>serve</c> by default, any deployment with <c>--url</c>) through
/// <c>POST /api/v1/people/import</c>, so the import runs the same checks and writes as the API.
/// </summary>
public static class ImportCommand
{
    /// <summary>Where <c>mentornudge serve</c> listens by default.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>The environment variable holding the API token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "MENTORNUDGE_TOKEN";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Connections.csv (LinkedIn), a CSV with a header row, or a .vcf file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be created, updated and skipped; change nothing." };
        var keepInTouch = new Option<int?>("--keep-in-touch") { Description = "Remind you to keep in touch with the people created every this many days (1-365)." };
        var url = new Option<string>("--url") { Description = "The MentorNudge to import into.", DefaultValueFactory = _ => DefaultUrl };
        var token = new Option<string?>("--token") { Description = $"Your API token (default: the {TokenVariable} environment variable)." };
        var command = new Command("import", "Import your network (LinkedIn connections, contacts exported as CSV or vCard) into your people.")
        {
            file, dryRun, keepInTouch, url, token,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            var apiToken = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable);
            if (!path.Exists)
            {
                await error.WriteLineAsync($"mentornudge import: no such file: {path.FullName}").ConfigureAwait(false);
                return 2;
            }

            if (string.IsNullOrWhiteSpace(apiToken))
            {
                await error.WriteLineAsync($"mentornudge import: give your API token with --token or {TokenVariable}.").ConfigureAwait(false);
                return 2;
            }

            var query = "?dryRun=" + (parse.GetValue(dryRun) ? "true" : "false");
            if (parse.GetValue(keepInTouch) is { } days)
            {
                query += "&keepInTouchEveryDays=" + days.ToString(CultureInfo.InvariantCulture);
            }

            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(15) };
            await using var stream = path.OpenRead();
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/people/import" + query) { Content = new StreamContent(stream) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(IsVCard(path.Name) ? "text/vcard" : "text/csv") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                await error.WriteLineAsync($"mentornudge import: cannot reach {http.BaseAddress} ({ex.Message}). Is `mentornudge serve` running?").ConfigureAwait(false);
                return 1;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    await error.WriteLineAsync($"mentornudge import: {(int)response.StatusCode} {body}").ConfigureAwait(false);
                    return 1;
                }

                await output.WriteLineAsync(Describe(JsonNode.Parse(body)!)).ConfigureAwait(false);
                return 0;
            }
        });
        return command;
    }

    /// <summary>The report for people: one summary line, then the created, updated and skipped rows.</summary>
    public static string Describe(JsonNode report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var dry = report["dryRun"]?.GetValue<bool>() == true;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{(dry ? "Dry run: would create" : "Created")} {report["created"]}, {(dry ? "update" : "updated")} {report["updated"]}, unchanged {report["unchanged"]}, skipped {report["skipped"]} of {report["rows"]} contacts."),
        };
        foreach (var row in report["details"]?.AsArray() ?? [])
        {
            var errors = row!["errors"]?.AsArray().Select(e => $"{e!["field"]}: {e["message"]}") ?? [];
            var why = string.Join("; ", errors);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  line {row["line"]}: {row["action"]} {row["name"]}{(why.Length > 0 ? " (" + why + ")" : "")}"));
        }

        if (report["detailsTruncated"]?.GetValue<bool>() == true)
        {
            lines.Add("  … (only the first 1,000 rows are listed)");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static bool IsVCard(string name) =>
        name.EndsWith(".vcf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vcard", StringComparison.OrdinalIgnoreCase);
}

using System.CommandLine;
using MentorNudge.Cli.Commands;
using NodaTime;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary><c>mentornudge import</c> against a running <c>serve</c>: the command uploads the file to the host's API.</summary>
public sealed class ServeImportTests
{
    private const string Connections =
        "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\n" +
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
        "Priya,Shah,https://www.linkedin.com/in/priyashah,priya@example.com,Contoso,Engineering Manager,12 Mar 2021\r\n" +
        "Daniel,Okafor,https://www.linkedin.com/in/danielokafor,,Fabrikam,VP Platform,01 Jan 2020\r\n" +
        ",,https://www.linkedin.com/in/nobody,,,,01 Jan 2020\r\n";

    [Fact]
    public async Task Import_WrongTokenDryRunCommitAgain_RefusedPlannedCreatedOnceThenNothing()
    {
        await using var host = await LocalHostHarness.StartAsync(Instant.FromUtc(2026, 3, 6, 10, 0));
        await host.CreateUserAsync();
        var file = Path.Combine(Path.GetTempPath(), $"Connections-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Connections);
        try
        {
            var (badTokenExit, badToken) = await RunAsync(host, file, "--token", "not-a-token");
            var (dryExit, dry) = await RunAsync(host, file, "--dry-run");
            var peopleAfterDryRun = LocalHostJson.Items(await host.GetAsync("people")).Count;
            var (exit, committed) = await RunAsync(host, file);
            var (againExit, again) = await RunAsync(host, file);

            Assert.Equal(1, badTokenExit);
            Assert.Contains("401", badToken, StringComparison.Ordinal);
            Assert.Equal(0, dryExit);
            Assert.StartsWith("Dry run: would create 2, update 0, unchanged 0, skipped 1 of 3 contacts.", dry, StringComparison.Ordinal);
            Assert.Contains("line 7: skipped", dry, StringComparison.Ordinal);
            Assert.Equal(0, peopleAfterDryRun);
            Assert.Equal(0, exit);
            Assert.StartsWith("Created 2, updated 0, unchanged 0, skipped 1 of 3 contacts.", committed, StringComparison.Ordinal);
            Assert.Equal(0, againExit);
            Assert.StartsWith("Created 0, updated 0, unchanged 2, skipped 1 of 3 contacts.", again, StringComparison.Ordinal);
            var names = LocalHostJson.Items(await host.GetAsync("people")).Select(p => (string?)p!["name"]).Order().ToList();
            Assert.Equal(["Daniel Okafor", "Priya Shah"], names);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(LocalHostHarness host, string file, params string[] extra)
    {
        var root = new RootCommand { ImportCommand.Create() };
        var output = new StringWriter();
        string[] args = ["import", file, "--url", host.Host.BaseAddress.ToString(), .. extra];
        if (!extra.Contains("--token"))
        {
            args = [.. args, "--token", host.Token!];
        }

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class ImportVolumeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>
    /// 3,000 rows in CI (about 10 s on the emulator); <c>MENTORNUDGE_IMPORT_ROWS=30000</c> runs the
    /// full-size check whose figures docs/performance.md records (Azurite's partition scans make it slow).
    /// </summary>
    [Fact]
    public async Task Import_LargeLinkedInExport_AllCreatedOnceAndSecondImportCreatesNothing()
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("MENTORNUDGE_IMPORT_ROWS"), out var n) ? n : 3_000;
        // The people cap holds for imports too: the volume runs within a cap raised to fit it.
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<UserCapsOptions>(o => o.MaxPeople = Math.Max(o.MaxPeople, rows)));
        var user = await stack.CreateUserAsync();
        var csv = LinkedInExport(rows);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), GC.GetTotalMemory(false) - baseline)), null, 0, 50);
        var watch = Stopwatch.StartNew();
        var first = await ImportAsync(stack, user, csv);
        var firstTime = watch.Elapsed;
        watch.Restart();
        var second = await ImportAsync(stack, user, csv);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{rows:N0} rows ({csv.Length / 1024:N0} KB of CSV): first import {firstTime.TotalSeconds:F1} s, second {watch.Elapsed.TotalSeconds:F1} s, peak managed heap above baseline {Interlocked.Read(ref peak) / (1024 * 1024):N0} MB"));

        Assert.Equal(rows, first["created"]!.GetValue<int>());
        Assert.True(first["detailsTruncated"]!.GetValue<bool>());
        Assert.Equal(1_000, first["details"]!.AsArray().Count);
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(rows, second["unchanged"]!.GetValue<int>());
    }

    private static string LinkedInExport(int rows)
    {
        var sb = new StringBuilder("Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");
        for (var i = 0; i < rows; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Person{i},Surname{i},https://www.linkedin.com/in/person-{i},{(i % 3 == 0 ? "" : $"person{i}@example.com")},Company {i % 50},\"Engineer, level {i % 7}\",01 Jan 2024\r\n");
        }

        return sb.ToString();
    }

    private static async Task<JsonNode> ImportAsync(ApiStack stack, TestUser user, string csv)
    {
        using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/people/import", user.Token, csv, "text/csv");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text[..Math.Min(text.Length, 2000)]);
        return JsonNode.Parse(text)!;
    }
}

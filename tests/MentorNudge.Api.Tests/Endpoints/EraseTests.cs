using System.Net;
using Azure.Data.Tables;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary><c>DELETE /api/v1/me</c> on Azurite: after erasure no stored row anywhere names the user.</summary>
[Collection(StorageCollection.Name)]
public sealed class EraseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EraseMe_AfterUsingEveryFeature_NoRowInAnyTableNamesTheUser()
    {
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<CaptureOptions>(o =>
        {
            o.InboundDomain = "in.mentornudge.example.test";
            o.HookSecret = "capture-hook-secret-0123456789abcdef";
        }));
        var user = await stack.CreatePopulatedUserAsync("erase-me@example.com", "ada-erase@example.org");
        var other = await stack.CreatePopulatedUserAsync("keep-me@example.com", "ada-keep@example.org");
        foreach (var u in new[] { user, other })
        {
            await SucceedsAsync(stack, HttpMethod.Post, "/api/v1/me/calendar-feed", u);
            await SucceedsAsync(stack, HttpMethod.Get, "/api/v1/me/capture-address", u);
        }

        // An outreach nobody answers: its first follow-up is sent below.
        using var person = await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name = "Grace Hopper", emails = new[] { "grace-erase@example.org" } });
        var personId = System.Text.Json.Nodes.JsonNode.Parse(await person.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var outreach = await stack.SendAsync(HttpMethod.Post, $"/api/v1/people/{personId}/outreach", user.Token, new { text = "Could I ask two questions about your talk in a 20-minute call next week?" });
        Assert.True(outreach.IsSuccessStatusCode, await outreach.Content.ReadAsStringAsync());

        // Let the first follow-up go out: a sent nudge leaves index, checkpoint and delivery rows.
        await SendDueAsync(stack, Duration.FromDays(14));
        var rowsBefore = await RowsNamingAsync(stack, user.UserId, "erase-me@example.com");
        Assert.Contains(rowsBefore, r => r.StartsWith("dueindex/", StringComparison.Ordinal));
        Assert.Contains(rowsBefore, r => r.StartsWith("tokens/capture|", StringComparison.Ordinal));
        Assert.True(rowsBefore.Any(r => r.StartsWith("deliveries/", StringComparison.Ordinal)), string.Join("\n", rowsBefore));

        var otherDataRows = (await RowsNamingAsync(stack, other.UserId)).Count(r => r.Contains("data/", StringComparison.Ordinal));
        using var erase = await stack.SendAsync(HttpMethod.Delete, "/api/v1/me", user.Token);
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);

        // At once: everything but due-index hints a nudge left behind when it moved (the second
        // follow-up re-chained from the first's late send); they hold ids only.
        var left = await RowsNamingAsync(stack, user.UserId, "erase-me@example.com");
        Assert.True(left.All(r => r.StartsWith("dueindex/", StringComparison.Ordinal)), "left after erasure:\n" + string.Join("\n", left));
        Assert.Equal(
            (await RowsNamingAsync(stack, other.UserId)).Count(r => r.Contains("data/", StringComparison.Ordinal)),
            otherDataRows);

        // The daily reconcile forgets index rows a week behind the cursors: then nothing is left.
        var timers = stack.Host.Services.GetRequiredService<PipelineTimers>();
        stack.Host.Clock.Advance(Duration.FromDays(40));
        await timers.DispatchDueAsync(stack.Now, CancellationToken.None);
        await timers.SweepOverdueAsync(stack.Now, Duration.FromMinutes(10), CancellationToken.None);
        await timers.ReconcileAsync(stack.Now, CancellationToken.None);
        left = await RowsNamingAsync(stack, user.UserId, "erase-me@example.com");
        Assert.True(left.Count == 0, "left after erasure and the purge:\n" + string.Join("\n", left));
    }

    private static async Task SucceedsAsync(ApiStack stack, HttpMethod method, string path, TestUser user)
    {
        using var response = await stack.SendAsync(method, path, user.Token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task SendDueAsync(ApiStack stack, Duration advance)
    {
        var services = stack.Host.Services;
        var timers = services.GetRequiredService<PipelineTimers>();
        await timers.DispatchDueAsync(stack.Now, CancellationToken.None); // the first tick sets the cursor
        stack.Host.Clock.Advance(advance);
        await timers.DispatchDueAsync(stack.Now, CancellationToken.None);
        var queue = services.GetRequiredService<StorageClients>().NudgeQueue;
        var queues = services.GetRequiredService<PipelineQueues>();
        var sent = 0;
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                await queues.SendNudgeAsync(message.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                sent++;
            }
        }

        Assert.True(sent > 0, "nothing was due");
    }

    /// <summary>Every row, in every table of this stack, whose keys or string values contain one of <paramref name="needles"/>, as "table/pk/rk".</summary>
    private static async Task<List<string>> RowsNamingAsync(ApiStack stack, params string[] needles)
    {
        var service = stack.Host.Services.GetRequiredService<StorageClients>().TableService;
        var prefix = stack.Host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
        var found = new List<string>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var values = new[] { row.PartitionKey, row.RowKey }.Concat(row.Select(kv => kv.Value).OfType<string>());
                if (values.Any(v => needles.Any(n => v.Contains(n, StringComparison.OrdinalIgnoreCase))))
                {
                    found.Add($"{table.Name[prefix.Length..]}/{row.PartitionKey}/{row.RowKey}");
                }
            }
        }

        return found;
    }
}

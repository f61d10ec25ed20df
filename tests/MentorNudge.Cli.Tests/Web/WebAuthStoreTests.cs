using Azure.Data.Tables;
using MentorNudge.Cli.Tests.Infrastructure;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Web.SignIn;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Cli.Tests.Web;

/// <summary>The web app's sign-in store on Azurite.</summary>
[Collection(CliAzuriteCollection.Name)]
public sealed class WebAuthStoreTests(AzuriteFixture azurite)
{
    private static readonly Instant Expires = Instant.FromUtc(2030, 1, 1, 0, 0);

    [Fact]
    public async Task EraseUserAsync_SessionsLinksEmailIndexAndPartition_NoRowNamesTheUserAndOthersStay()
    {
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "wa" + Guid.NewGuid().ToString("N")[..10] };
        var store = new WebAuthStore(new StorageClients(options), Options.Create(options));
        foreach (var (user, email) in new[] { ("u-gone", "gone@example.com"), ("u-stays", "stays@example.com") })
        {
            await store.IndexEmailAsync(email, user, CancellationToken.None);
            await store.AddSessionAsync(WebAuthStore.Hash("cookie-1-" + user), new WebSession(user, "csrf", 0, Expires), CancellationToken.None);
            await store.AddSessionAsync(WebAuthStore.Hash("cookie-2-" + user), new WebSession(user, "csrf", 0, Expires), CancellationToken.None);
            await store.AddLinkAsync(WebAuthStore.Hash("link-" + user), new SignInLinkRecord(email, user, "Europe/London", Expires), CancellationToken.None);
            await store.BumpGenerationAsync(user, CancellationToken.None);
            await store.SkipAsync(user, "2026-W49", "p1", CancellationToken.None);
        }

        await store.EraseUserAsync("u-gone", "gone@example.com", CancellationToken.None);

        var rows = new List<TableEntity>();
        await foreach (var row in new TableClient(azurite.ConnectionString, options.TablePrefix + "web").QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        bool Names(TableEntity row, string needle) =>
            new[] { row.PartitionKey, row.RowKey }.Concat(row.Select(kv => kv.Value).OfType<string>()).Any(v => v.Contains(needle, StringComparison.OrdinalIgnoreCase))
            || row.PartitionKey == "email" && row.RowKey == WebAuthStore.EmailKey(needle);
        Assert.DoesNotContain(rows, r => Names(r, "u-gone") || Names(r, "gone@example.com"));
        Assert.Null(await store.FindSessionAsync(WebAuthStore.Hash("cookie-1-u-gone"), CancellationToken.None));
        Assert.Equal(6, rows.Count(r => Names(r, "u-stays") || Names(r, "stays@example.com")));
        Assert.Equal("u-stays", await store.FindUserIdByEmailAsync("stays@example.com", CancellationToken.None));
    }
}

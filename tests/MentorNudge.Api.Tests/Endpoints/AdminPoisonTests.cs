using System.Net;
using System.Text.Json;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary>
/// The admin poison routes name the queues as the API does (<c>nudges</c>, <c>webhooks</c>) while
/// this stack's queues have names of their own, as another deployment's might (found by the fuzzer:
/// the list answered 500 for any queue not literally called <c>nudges</c>).
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class AdminPoisonTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> Admin = new() { ["X-Admin-Key"] = ApiTestHost.AdminKey };

    [Theory]
    [InlineData("nudges")]
    [InlineData("webhooks")]
    public async Task ListAndReplay_ConfiguredQueueNamesDiffer_AnswerOk(string queue)
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var list = await stack.SendRawAsync(HttpMethod.Get, $"/api/v1/admin/poison/{queue}", null, null, null, Admin);
        using var replay = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/admin/poison/{queue}/replay", null, "", "application/json", Admin);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.ValueKind);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("replayed").GetInt32());
    }
}

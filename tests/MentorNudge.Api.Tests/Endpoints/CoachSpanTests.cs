using System.Net;
using System.Text.Json;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class CoachSpanTests(AzuriteFixture azurite)
{
    private const string Ask = "Hi Ada, just bumping this. Will you be my mentor?";

    [Fact]
    public async Task Coach_GenericAsk_FindingsCarryTheSpanThatTriggeredThem()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "/api/v1/coach", user.Token, new { text = Ask });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSpans(JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task Outreach_WithText_CoachFeedbackCarriesSpans()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("span@example.com", "ada-span@example.org");

        using var response = await stack.SendAsync(HttpMethod.Post, $"/api/v1/people/{user.PersonId}/outreach", user.Token, new { text = Ask });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertSpans(JsonDocument.Parse(body).RootElement.GetProperty("coach"));
    }

    private static void AssertSpans(JsonElement coach)
    {
        var spans = coach.GetProperty("findings").EnumerateArray().ToDictionary(
            f => f.GetProperty("code").GetString()!,
            f => Ask.Substring(f.GetProperty("start").GetInt32(), f.GetProperty("length").GetInt32()));
        Assert.Equal("be my mentor", spans["generic-mentor-ask"]);
        Assert.Equal("just bump", spans["guilt-trip"]);
    }
}

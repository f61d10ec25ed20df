using System.Net;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Tests.Capture;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary>Capture addresses (issue, rotate, create-people) and the capture hook's rules, on Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class CaptureTests(AzuriteFixture azurite)
{
    private const string Domain = "in.mentornudge.example";
    private const string Secret = "capture-hook-secret-for-tests-0123456789";

    private static Task<ApiStack> StartAsync(AzuriteFixture azurite, int maxPeople = 2000) =>
        ApiStack.StartAsync(azurite, s =>
        {
            s.Configure<CaptureOptions>(o =>
            {
                o.InboundDomain = Domain;
                o.HookSecret = Secret;
            });
            s.Configure<UserCapsOptions>(o => o.MaxPeople = maxPeople);
        });

    [Fact]
    public async Task CaptureAddress_CaptureOff_DisabledRotate404AndHookRefused()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        var shown = await JsonAsync(await stack.SendAsync(HttpMethod.Get, "/api/v1/me/capture-address", user.Token));
        using var rotate = await stack.SendAsync(HttpMethod.Post, "/api/v1/me/capture-address", user.Token);
        using var hook = await PostAsync(stack, CaptureMessage.Raw("log+abcdefghijklmnopqrstuvwxyz@" + Domain, "sam@example.com", "ada@example.org", "<m@x>", stack.Now, "hi"), Secret);

        Assert.False(shown["enabled"]!.GetValue<bool>());
        Assert.Null(shown["address"]);
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hook.StatusCode);
    }

    [Fact]
    public async Task CaptureAddress_Rotate_NewOpaqueAddressAndOldOneStopsMatching()
    {
        await using var stack = await StartAsync(azurite);
        var user = await stack.CreateUserAsync("sam@example.com");
        await AddPersonAsync(stack, user, "Ada Lovelace", "ada@example.org");

        var first = (string)(await JsonAsync(await stack.SendAsync(HttpMethod.Get, "/api/v1/me/capture-address", user.Token)))["address"]!;
        var again = (string)(await JsonAsync(await stack.SendAsync(HttpMethod.Get, "/api/v1/me/capture-address", user.Token)))["address"]!;
        var rotated = (string)(await JsonAsync(await stack.SendAsync(HttpMethod.Post, "/api/v1/me/capture-address", user.Token)))["address"]!;
        var toOld = await JsonAsync(await PostAsync(stack, CaptureMessage.Raw(first, "sam@example.com", "ada@example.org", "<old@x>", stack.Now, "Could we meet Friday?"), Secret));
        var toNew = await JsonAsync(await PostAsync(stack, CaptureMessage.Raw(rotated.ToUpperInvariant(), "SAM@example.com", "ada@example.org", "<new@x>", stack.Now, "Could we meet Friday?"), Secret));

        Assert.Matches("^log\\+[a-z2-7]{26}@in\\.mentornudge\\.example$", first);
        Assert.DoesNotContain(user.UserId, first, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(first, again);
        Assert.NotEqual(first, rotated);
        Assert.Equal("ignored", (string)toOld["action"]!);
        Assert.Equal("no-capture-address", (string)toOld["reason"]!);
        Assert.Equal("logged", (string)toNew["action"]!);
    }

    [Fact]
    public async Task CaptureHook_CreatePeopleOn_CreatesUnknownRecipientsUpToTheCap()
    {
        await using var stack = await StartAsync(azurite, maxPeople: 2);
        var user = await stack.CreateUserAsync("sam@example.com");
        await AddPersonAsync(stack, user, "Ada Lovelace", "ada@example.org");
        var settings = await JsonAsync(await stack.SendAsync(HttpMethod.Put, "/api/v1/me/capture-address", user.Token, new { createPeople = true }));
        var address = (string)settings["address"]!;

        var answer = await JsonAsync(await PostAsync(stack, CaptureMessage.Raw(address, "sam@example.com", "=?utf-8?Q?Jos=C3=A9_M=C3=BCller?= <jose@zuerich.example>, Bo <bo@example.net>, ada@example.org", "<many@x>", stack.Now, "Thanks for the talk!"), Secret));

        Assert.True(settings["createPeople"]!.GetValue<bool>());
        Assert.Equal("logged", (string)answer["action"]!);
        Assert.Equal([true, false], answer["logged"]!.AsArray().Select(l => l!["createdPerson"]!.GetValue<bool>()));
        var skipped = Assert.Single(answer["skipped"]!.AsArray());
        Assert.Equal("bo@example.net", (string)skipped!["address"]!);
        Assert.Equal("people-cap", (string)skipped["reason"]!);
        using var people = await stack.SendAsync(HttpMethod.Get, "/api/v1/people", user.Token);
        var list = JsonNode.Parse(await people.Content.ReadAsStringAsync())!;
        var names = (list as JsonArray ?? list["items"]!.AsArray()).Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal);
        Assert.Equal(["Ada Lovelace", "Jos\u00e9 M\u00fcller"], names);
    }

    [Fact]
    public async Task CaptureHook_WrongMediaTypeOrTooLarge_RefusedBeforeAnythingIsRead()
    {
        await using var stack = await StartAsync(azurite);
        var raw = CaptureMessage.Raw("log+abcdefghijklmnopqrstuvwxyz@" + Domain, "sam@example.com", "ada@example.org", "<m@x>", stack.Now, "hi");

        using var json = await PostAsync(stack, raw, Secret, "application/json");
        using var large = await PostAsync(stack, new byte[CaptureEndpointsLimit + 1], Secret);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    private const int CaptureEndpointsLimit = 4 * 1024 * 1024;

    private static async Task AddPersonAsync(ApiStack stack, TestUser user, string name, string email)
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name, emails = new[] { email } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonNode.Parse(text)!;
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(ApiStack stack, byte[] raw, string secret, string contentType = "message/rfc822")
    {
        using var request = CaptureMessage.SignedPost("/api/v1/hooks/capture", raw, secret, stack.Now, contentType);
        return await stack.Client.SendAsync(request);
    }
}

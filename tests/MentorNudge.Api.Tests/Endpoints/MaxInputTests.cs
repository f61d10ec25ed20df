using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Validation;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary>
/// The largest input each validator allows must be stored, never a 500: a Table property holds
/// 32K UTF-16 characters and an entity 1 MiB, so a limit that allows more would fail in storage.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class MaxInputTests(AzuriteFixture azurite)
{
    // Sent unescaped, as most clients do, so the body stays under the 64 KB request limit.
    private static readonly JsonSerializerOptions Unescaped = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Non-ASCII on purpose: JSON escaping can turn one character into six.
    private static string Text(int length)
    {
        var text = string.Concat(Enumerable.Repeat("é🙂ab ", length / 5 + 1))[..length];
        return char.IsHighSurrogate(text[^1]) ? text[..^1] + "x" : text;
    }

    private static string Link(int i) => $"https://example.org/{i:D2}/" + new string('p', PersonValidator.MaxLinkLength - 23);

    private static string Email(int i) => $"{i:D2}{new string('a', 62)}@{new string('b', 63)}.{new string('c', 63)}.{new string('d', 57)}.org";

    private static object MaxPerson() => new
    {
        name = Text(PersonValidator.MaxNameLength),
        emails = Enumerable.Range(0, PersonValidator.MaxListItems).Select(Email).ToArray(),
        connection = "admired",
        role = "sponsor",
        interests = Enumerable.Range(0, PersonValidator.MaxListItems).Select(_ => Text(PersonValidator.MaxInterestLength)).ToArray(),
        links = Enumerable.Range(0, PersonValidator.MaxListItems).Select(Link).ToArray(),
        notes = Text(PersonValidator.MaxNotesLength),
        keepInTouchEveryDays = 365,
    };

    [Fact]
    public void Fixtures_AreAtTheLimits()
    {
        Assert.Equal(254, Email(0).Length);
        Assert.Equal(PersonValidator.MaxLinkLength, Link(0).Length);
        Assert.Equal(PersonValidator.MaxNotesLength, Text(PersonValidator.MaxNotesLength).Length);
    }

    [Fact]
    public async Task People_MaximalPerson_StoredAndReadBack()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var body = MaxPerson();

        using var created = await SendAsync(stack, HttpMethod.Post, "/api/v1/people", user.Token, body);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var id = JsonNode.Parse(text)!["id"]!.GetValue<string>();
        using var updated = await SendAsync(stack, HttpMethod.Put, $"/api/v1/people/{id}", user.Token, body);
        using var read = await stack.SendAsync(HttpMethod.Get, $"/api/v1/people/{id}", user.Token);
        var person = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;

        Assert.True(updated.IsSuccessStatusCode, await updated.Content.ReadAsStringAsync());
        Assert.Equal(Link(19), person["links"]![19]!.GetValue<string>());
        Assert.Equal(Text(PersonValidator.MaxNotesLength), person["notes"]!.GetValue<string>());
        Assert.Equal(PersonValidator.MaxListItems, person["interests"]!.AsArray().Count);
    }

    [Fact]
    public async Task EveryOtherRoute_MaximalInput_Succeeds()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("max@example.com", "ada@example.org");
        var long300 = Text(300);
        var holidays = Enumerable.Range(0, UserSettingsValidator.MaxExtraHolidays).Select(d => new DateOnly(2027, 1, 1).AddDays(d).ToString("yyyy-MM-dd")).ToArray();

        var calls = new (string Name, HttpMethod Method, string Path, object Body)[]
        {
            ("me", HttpMethod.Put, "/api/v1/me", new
            {
                email = Email(1), displayName = Text(RequestValidator.MaxNameLength), timeZone = "America/Argentina/ComodRivadavia", country = "GB",
                workDays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
                extraHolidays = holidays,
                webhook = new { url = "https://hooks.example.test/" + new string('w', 1900), format = "generic", secret = user.OutboundSecret, inboundSecret = user.InboundSecret },
            }),
            ("outreach", HttpMethod.Post, $"/api/v1/people/{user.PersonId}/outreach", new { channel = Text(50), subject = long300, text = Text(RequestValidator.MaxTextLength) }),
            ("interaction", HttpMethod.Post, $"/api/v1/people/{user.PersonId}/interactions", new { kind = "share", note = Text(RequestValidator.MaxInteractionNoteLength) }),
            ("coach", HttpMethod.Post, "/api/v1/coach", new { text = Text(RequestValidator.MaxTextLength), personId = user.PersonId }),
            ("people", HttpMethod.Post, "/api/v1/people", MaxPerson()),
        };

        foreach (var (name, method, path, body) in calls)
        {
            using var response = await SendAsync(stack, method, path, user.Token, body);
            Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var hookEvents = new object[]
        {
            new { id = "evt-" + new string('e', 124), type = "outreach.sent", data = new { personId = user.PersonId, channel = Text(50), subject = long300, text = Text(RequestValidator.MaxTextLength) } },
            new { id = "evt-interaction", type = "interaction.logged", data = new { email = "ada@example.org", kind = "meeting", note = Text(RequestValidator.MaxInteractionNoteLength) } },
            new { id = "evt-person", type = "person.upserted", data = new { person = MaxPerson() } },
        };
        foreach (var e in hookEvents)
        {
            using var response = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", JsonSerializer.Serialize(e, Unescaped), user.InboundSecret);
            Assert.True(response.IsSuccessStatusCode, $"hook: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var export = await stack.SendAsync(HttpMethod.Get, "/api/v1/me/export", user.Token);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(ApiStack stack, HttpMethod method, string path, string token, object body) =>
        stack.SendRawAsync(method, path, token, JsonSerializer.Serialize(body, Unescaped), "application/json");
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Webhooks;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary>
/// Hundreds of generated bad requests against every route that takes a body: each must answer a
/// 4xx problem+json, never a 5xx, and leave the user's exported data exactly as it was.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private sealed record Case(string Route, string Method, string Path, string? Body, string? ContentType, bool Signed);

    private static readonly string[] Malformed =
    [
        "{", "}", "[", "{\"name\":}", "{\"name\" \"x\"}", "{'name':'x'}", "{\"name\":\"x\",}", "nul", "{\"name\":\"x\"} trailing",
        "{\"name\":\"\\uZZZZ\"}", "{\"a\":/*comment*/1}", "\u00ff\u00fe", "{\"a\":[1,2,}", "{\"a\":01}",
    ];

    private static readonly string[] NotObjects = ["[]", "123", "\"text\"", "null", "true"];

    private static readonly string[] WrongContentTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16"];

    private static string J(object o) => JsonSerializer.Serialize(o, ApiStack.JsonOptions);

    private static string With(object baseBody, string field, JsonNode? value)
    {
        var node = JsonNode.Parse(J(baseBody))!.AsObject();
        var parts = field.Split('.');
        var target = node;
        foreach (var p in parts[..^1])
        {
            target = (target[p] ??= new JsonObject()).AsObject();
        }

        target[parts[^1]] = value;
        return node.ToJsonString();
    }

    private static string Without(object baseBody, string field)
    {
        var node = JsonNode.Parse(J(baseBody))!.AsObject();
        node.Remove(field);
        return node.ToJsonString();
    }

    private static JsonNode? V(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value);

    private static IEnumerable<(string Field, JsonNode? Value)> Bad(params (string Field, object?[] Values)[] fields) =>
        fields.SelectMany(f => f.Values.Select(v => (f.Field, V(v))));

    private static List<Case> Generate(TestUser user)
    {
        var p = user.PersonId;
        var me = new { email = "a@example.com", timeZone = "Europe/London", country = "GB" };
        var person = new { name = "Ada" };
        var routes = new (string Route, string Method, string Path, object Valid, IEnumerable<(string, JsonNode?)> BadFields, string[] Required, bool Signed)[]
        {
            ("me", "PUT", "/api/v1/me", me, Bad(
                ("timeZone", ["Mars/Olympus", "", "UTC+25", "Europe/London\n", 123, new[] { "Europe/London" }]),
                ("country", ["XX", "gb", "GBR", "12", "", 44, "ZZ"]),
                ("email", ["not-an-email", "a@b.c\r\nBcc: x@y.z", 5, "", new string('a', 300) + "@example.com"]),
                ("displayName", ["Sam\r\nBcc: x@y.z", new string('n', 1000), 7]),
                ("workDays", [new[] { "funday" }, "monday", new[] { 1 }, Array.Empty<string>(), new[] { "monday", "monday" }]),
                ("reminderTime", ["25:00", "9am", 900, "09:00:00Z"]),
                ("weeklyDigest.day", ["someday", 1]),
                ("weeklyDigest.maxPrompts", [0, 11, "3", 2.5]),
                ("weeklyDigest.time", ["noon"]),
                ("followUp.firstAfterBusinessDays", [0, 61, 1.5, "5"]),
                ("followUp.maxFollowUps", [-1, 99]),
                ("vacationUntil", ["tomorrow", "2026-13-01", 20261201]),
                ("extraHolidays", ["2026-12-24", new[] { "24/12/2026" }]),
                ("webhook", ["https://example.com", new { url = "ftp://x.test" }, new { url = "http://x.test" }, new { url = "javascript:alert(1)" }, new { url = "https://u:p@x.test" }, new { url = "https://x.test", format = "email" }, new { url = "https://x.test", secret = "short" }, new { format = "slack" }])),
                ["email", "timeZone", "country"], false),
            ("addPerson", "POST", "/api/v1/people", person, PersonBad(), ["name"], false),
            ("updatePerson", "PUT", $"/api/v1/people/{p}", person, PersonBad(), ["name"], false),
            ("outreach", "POST", $"/api/v1/people/{p}/outreach", new { subject = "Hi" }, Bad(
                ("sentAt", ["yesterday", "2026-11-25T10:00:00", "2030-01-01T00:00:00Z", 5, "2026-11-25"]),
                ("channel", ["a\nb", new string('c', 60), 3]),
                ("subject", [new string('s', 301), "Hi\r\nBcc: x@y.z", false]),
                ("text", [5, new string('t', 20001), new[] { "x" }])), [], false),
            ("replies", "POST", $"/api/v1/people/{p}/replies", new { receivedAt = "2026-11-25T10:00:00Z" }, Bad(
                ("receivedAt", ["nope", 5, "2030-01-01T00:00:00Z", "2026-11-25T10:00:00", true])), [], false),
            ("interactions", "POST", $"/api/v1/people/{p}/interactions", new { kind = "thank" }, Bad(
                ("kind", ["party", 3, null, "Thank you"]),
                ("at", ["x", "2030-01-01T00:00:00Z", 1]),
                ("note", [5, new string('n', 10001), "bell\u0007"])), ["kind"], false),
            ("coach", "POST", "/api/v1/coach", new { text = "Could we talk?" }, Bad(
                ("text", ["", "   ", 5, new string('x', 20001)]),
                ("personId", [5, "../etc", "p-does-not-exist"])), ["text"], false),
            ("adminUsers", "POST", "/api/v1/admin/users", me, Bad(
                ("timeZone", ["Nowhere/City", 1]),
                ("country", ["XX", "de"]),
                ("email", ["x", 1]),
                ("displayName", ["a\nb"])), ["email", "timeZone", "country"], false),
            ("events", "POST", $"/api/v1/hooks/{user.UserId}/events", new { id = "evt-ok", type = "interaction.logged", data = new { personId = p, kind = "thank" } }, Bad(
                ("id", ["", "has space", 5, new string('i', 200)]),
                ("type", ["person.deleted", 1, ""]),
                ("data", ["x", 5]),
                ("data.kind", ["party", 3]),
                ("data.personId", ["p-nobody", 7]),
                ("data.at", ["2030-01-01T00:00:00Z", "later"])), ["id", "type", "data"], true),
            ("inboundEmail", "POST", $"/api/v1/hooks/{user.UserId}/inbound-email", new { from = "ada@example.org", text = "hi" }, Bad(
                ("from", ["not an email", "a@b.c\r\nX-Evil: y", 5, ""]),
                ("headers", ["x", new[] { "a" }, new { a = 1 }]),
                ("subject", [new[] { "x" }, "line\r\nbreak"])), ["from"], true),
        };

        var cases = new List<Case>();
        foreach (var (route, method, path, valid, badFields, required, signed) in routes)
        {
            var admin = route == "adminUsers";
            cases.AddRange(Malformed.Select(b => new Case(route, method, path, b, "application/json", signed)));
            cases.AddRange(NotObjects.Select(b => new Case(route, method, path, b, "application/json", signed)));
            cases.AddRange(WrongContentTypes.Select(ct => new Case(route, method, path, J(valid), ct, signed)));
            cases.Add(new Case(route, method, path, J(valid), null, signed));
            cases.Add(new Case(route, method, path, With(valid, "padding", new string('x', 70_000)), "application/json", signed));
            cases.AddRange(badFields.Select(f => new Case(route, method, path, With(valid, f.Item1, f.Item2), "application/json", signed)));
            cases.AddRange(required.Select(r => new Case(route, method, path, Without(valid, r), "application/json", signed)));
            _ = admin;
        }

        return cases;
    }

    private static IEnumerable<(string, JsonNode?)> PersonBad() => Bad(
        ("name", [null, "", "   ", "Ada\r\nBcc: x@y.z", new string('n', 201), 5, new[] { "Ada" }, "Tab\tName"]),
        ("emails", ["ada@example.org", new[] { "nope" }, new[] { 5 }, Enumerable.Range(0, 21).Select(i => $"a{i}@example.org").ToArray(), new[] { "a@b.c\r\nBcc: x@y.z" }]),
        ("connection", ["friend", 1, true]),
        ("role", ["boss", 2]),
        ("interests", [new[] { "" }, "x", new[] { new string('i', 600) }]),
        ("links", [new[] { "ftp://x.test" }, new[] { "javascript:alert(1)" }, new[] { "not a url" }, "https://x.test"]),
        ("notes", [new string('n', 10001), 5]),
        ("keepInTouchEveryDays", [0, -1, "30", 1.5, 99999]));

    [Fact]
    public async Task EveryBodyRoute_GeneratedBadRequests_FourXxProblemAndNoWrites()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var cases = Generate(user);
        Assert.True(cases.Count >= 300, $"only {cases.Count} cases");
        output.WriteLine($"{cases.Count} bad requests");
        var before = await stack.ExportAsync(user);

        var failures = new List<string>();
        foreach (var c in cases)
        {
            var headers = new Dictionary<string, string>();
            if (c.Route == "adminUsers")
            {
                headers["X-Admin-Key"] = ApiTestHost.AdminKey;
            }

            if (c.Signed && c.Body is not null)
            {
                headers[WebhookSignature.HeaderName] = WebhookSignature.Sign(Encoding.UTF8.GetBytes(c.Body), user.InboundSecret, stack.Now);
            }

            using var response = await stack.SendRawAsync(new HttpMethod(c.Method), c.Path, c.Signed || c.Route == "adminUsers" ? null : user.Token, c.Body, c.ContentType, headers);
            var status = (int)response.StatusCode;
            var describe = $"{c.Method} {c.Route} [{c.ContentType}] {Shorten(c.Body)} → {status}";
            if (status is < 400 or >= 500)
            {
                failures.Add(describe);
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add(describe + " without problem+json");
            }

            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add(describe + " leaks an exception");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} failed:\n" + string.Join("\n", failures));
        Assert.Equal(before, await stack.ExportAsync(user));
    }

    private static string Shorten(string? s) => s is null ? "(no body)" : s.Length <= 80 ? s : s[..80] + "…";
}

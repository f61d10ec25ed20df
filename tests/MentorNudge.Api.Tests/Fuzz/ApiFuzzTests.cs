using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using MentorNudge.Api.RateLimiting;
using MentorNudge.Api.Routing;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api.Tests.Fuzz;

/// <summary>
/// Sends generated requests to every route of the API (the local host's pipeline, on Azurite): random
/// JSON shapes and types, huge and tiny values, unicode and control characters, odd headers and
/// content types, another user's ids, every kind of credential. Asserts: no 5xx, every 4xx is
/// problem+json (the one-click action pages excepted: people open them in a browser, so their 404 is
/// an HTML page), and a batch in which nothing was accepted leaves the victim's export unchanged.
/// </summary>
[Collection(StorageCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class ApiFuzzTests(AzuriteFixture azurite)
{
    private const int Batches = 250;
    private const int BatchSize = 40;

    private static readonly string[] FieldNames =
    [
        "name", "emails", "email", "connection", "role", "interests", "links", "notes", "keepInTouchEveryDays", "sentAt", "channel",
        "subject", "text", "kind", "at", "note", "receivedAt", "personId", "timeZone", "country", "workDays", "reminderTime",
        "weeklyDigest", "followUp", "vacationUntil", "extraHolidays", "webhook", "url", "format", "secret", "displayName", "id", "type",
        "data", "person", "occurredAt", "from", "to", "headers", "expiresAt", "day", "time", "maxPrompts", "enabled",
        "firstAfterBusinessDays", "thenAfterBusinessDays", "maxFollowUps", "__proto__", "", "validationCode", "eventType", "eventTime",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "x", "existing", "admired", "mentor", "sponsor", "peer", "meeting", "share", "email", "generic", "slack", "Europe/London",
        "GB", "monday", "09:00", "2026-11-25", "2026-11-25T09:30:00Z", "2999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "ada@example.org",
        "https://example.org/a", "http://169.254.169.254/", "javascript:alert(1)", "outreach.sent", "reply.received", "interaction.logged",
        "person.upserted", "Microsoft.Communication.EmailDeliveryReportReceived", "Microsoft.EventGrid.SubscriptionValidationEvent",
        "é🙂 ☃", "\u0000", "\r\nX-Injected: 1", "\t", "\uFFFF", "\uD800", "<script>alert(1)</script>", "'; DROP TABLE people; --",
        "../../etc/passwd", "%00", "{}", "[]", "null", "NaN", "-1", "1e309", "P3D", "u0", "p1",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/problem+json",
        "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data; boundary=x", "*/*",
    ];

    [Fact]
    public async Task EveryRoute_GeneratedRequests_NoServerErrorsProblemJsonAndNoPartialWrites()
    {
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<ApiRateLimitOptions>(o => o.Enabled = false));
        var victim = await stack.CreatePopulatedUserAsync("victim@example.com", "ada@example.org");
        var other = await stack.CreatePopulatedUserAsync("other@example.com", "grace@example.org");
        var ids = new Ids(victim, other);

        var sent = 0;
        var checkedBatches = 0;
        var failures = new ConcurrentQueue<string>();
        await GenBatch(ids).SampleAsync(
            async batch =>
            {
                var before = await stack.ExportAsync(victim);
                var results = await Task.WhenAll(batch.Select(r => SendAsync(stack, ids, r)));
                Interlocked.Add(ref sent, batch.Length);
                foreach (var (request, status, mediaType, body) in results)
                {
                    if (status >= 500)
                    {
                        failures.Enqueue($"{status} for {request}: {body}");
                    }
                    else if (status >= 400 && mediaType != "application/problem+json" && !(request.Route == "Actions" && mediaType == "text/html"))
                    {
                        failures.Enqueue($"{status} with {mediaType ?? "no content type"} for {request}");
                    }
                }

                // Only batches in which every request that could write was refused prove "nothing half-written".
                if (results.All(r => !r.Request.Mutates || r.Status >= 400))
                {
                    var after = await stack.ExportAsync(victim);
                    if (after != before)
                    {
                        failures.Enqueue("The export changed although every writing request was refused: " + string.Join(" | ", batch.Where(r => r.Mutates)));
                    }

                    Interlocked.Increment(ref checkedBatches);
                }

                Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
            },
            iter: Batches,
            threads: 1);

        Assert.True(sent >= 10_000, $"Only {sent} requests were sent.");
        Assert.True(checkedBatches >= Batches / 4, $"Only {checkedBatches} of {Batches} batches were checked for partial writes.");
    }

    private static Gen<FuzzRequest[]> GenBatch(Ids ids) => GenRequest(ids).Array[BatchSize];

    private static Gen<FuzzRequest> GenRequest(Ids ids)
    {
        // Everything but erasing the victim (which would end the run).
        var targets = ApiRoutes.All
            .SelectMany(r => r.Handlers.Keys.Select(m => (Route: r, Method: m.ToUpperInvariant())))
            .Where(t => !(t.Route.Name == "Me" && t.Method == "DELETE"))
            .ToArray();
        return Gen.Select(
            Gen.OneOf(targets),
            GenPathValue(ids),
            Gen.OneOf("own", "own", "own", "none", "other", "admin", "badAdmin", "signed", "garbage"),
            GenBody(),
            Gen.OneOf(ContentTypes),
            GenHeader(),
            (target, pathValue, auth, body, contentType, header) =>
            {
                // Nor revoking the victim's tokens: every later request would be a mere 401.
                pathValue = target.Route.Name == "AdminUserTokens" && pathValue == ids.VictimUser ? "u-nobody" : pathValue;
                var path = "/api/" + System.Text.RegularExpressions.Regex.Replace(target.Route.Template, "{[^}]+}", _ => Uri.EscapeDataString(pathValue));
                var hasBody = target.Method is "POST" or "PUT";
                return new FuzzRequest(target.Route.Name, target.Method, path, auth, hasBody ? body : null, hasBody ? contentType : null, header);
            });
    }

    private static Gen<string> GenPathValue(Ids ids) => Gen.Frequency(
        (6, Gen.OneOf(ids.VictimPerson, ids.VictimPerson, ids.VictimUser, "nudges", "webhooks")),
        (2, Gen.OneOf(ids.OtherPerson, ids.OtherUser)),
        // No NUL in a path: Kestrel refuses such a request line itself (400) before the app, and the
        // in-process test server throws instead of answering.
        (2, GenString().Select(v => v.Replace("\0", "", StringComparison.Ordinal))));

    private static Gen<string?> GenBody() => Gen.Frequency(
        (6, GenJson(3).Select(n => (string?)(n?.ToJsonString() ?? "null"))),
        (2, GenObjectOfFields()),
        (1, GenString().Select(s => (string?)s)),
        (1, Gen.Const((string?)null)));

    // An object whose keys are real field names (so validators, not just the parser, see it) with any values.
    private static Gen<string?> GenObjectOfFields() =>
        Gen.Select(Gen.OneOf(FieldNames), GenJson(2)).Array[0, 8].Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                o[key] = value?.DeepClone();
            }

            return (string?)o.ToJsonString();
        });

    private static Gen<JsonNode?> GenJson(int depth)
    {
        var leaf = Gen.Frequency(
            (4, GenString().Select(s => (JsonNode?)JsonValue.Create(s))),
            (2, Gen.OneOf(Gen.Int.Select(i => (long)i), Gen.Long, Gen.Const(0L), Gen.Const(-1L), Gen.Const(long.MaxValue)).Select(l => (JsonNode?)JsonValue.Create(l))),
            (1, Gen.Double.Where(d => double.IsFinite(d)).Select(d => (JsonNode?)JsonValue.Create(d))),
            (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            (1, Gen.Const((JsonNode?)null)));
        if (depth == 0)
        {
            return leaf;
        }

        var array = GenJson(depth - 1).Array[0, 6].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()));
        var obj = Gen.Select(Gen.OneOf(Gen.OneOf(FieldNames), GenString()), GenJson(depth - 1)).Array[0, 6].Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                o[key] = value?.DeepClone();
            }

            return (JsonNode?)o;
        });
        return Gen.Frequency((4, leaf), (1, array), (3, obj));
    }

    private static Gen<string> GenString() => Gen.Frequency(
        (5, Gen.OneOf(Strings)),
        (2, Gen.String),
        (1, Gen.Char.Array[0, 40].Select(c => new string(c))),
        (1, Gen.Int[1, 70_000].Select(n => new string('a', n))),
        (1, Gen.Int[1, 5_000].Select(n => string.Concat(Enumerable.Repeat("é🙂", n)))));

    private static Gen<(string, string)?> GenHeader() => Gen.Frequency(
        (6, Gen.Const(((string, string)?)null)),
        (1, Gen.OneOf<(string, string)?>(
            ("X-Admin-Key", ""),
            ("Content-Length", "99999999"),
            ("MentorNudge-Signature", "t=1,v1=00"),
            ("MentorNudge-Signature", "t=99999999999999999999,v1=zz"),
            ("aeg-event-type", "SubscriptionValidation"),
            ("X-Forwarded-For", "127.0.0.1"),
            ("Authorization", "Bearer " + new string('a', 600)),
            ("X-Injected", "a\u00e9\u0001b"))));

    private static async Task<(FuzzRequest Request, int Status, string? MediaType, string Body)> SendAsync(ApiStack stack, Ids ids, FuzzRequest r)
    {
        using var request = new HttpRequestMessage(new HttpMethod(r.Method), r.Path);
        if (r.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(r.Body));
            if (r.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
            }
        }

        switch (r.Auth)
        {
            case "own": request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ids.Victim.Token); break;
            case "other": request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ids.Other.Token); break;
            case "admin": request.Headers.TryAddWithoutValidation("X-Admin-Key", ApiTestHost.AdminKey); break;
            case "badAdmin": request.Headers.TryAddWithoutValidation("X-Admin-Key", ApiTestHost.AdminKey + "x"); break;
            case "garbage": request.Headers.TryAddWithoutValidation("Authorization", "Bearer \u00e9" + r.Path); break;
            case "signed":
                request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(Encoding.UTF8.GetBytes(r.Body ?? ""), ids.Victim.InboundSecret, stack.Now));
                break;
        }

        if (r.ExtraHeader is { } h)
        {
            // Content headers (Content-Type, …) live on the content, not the request. A false
            // Content-Length cannot be sent by HttpClient at all (it refuses before the server sees it).
            if (h.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                if (request.Content is { } content && !h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.Remove(h.Name);
                    content.Headers.TryAddWithoutValidation(h.Name, h.Value);
                }
            }
            else
            {
                request.Headers.Remove(h.Name);
                request.Headers.TryAddWithoutValidation(h.Name, h.Value);
            }
        }

        using var response = await stack.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (r, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body.Length > 300 ? body[..300] : body);
    }

    private sealed record Ids(TestUser Victim, TestUser Other)
    {
        public string VictimUser => Victim.UserId;

        public string VictimPerson => Victim.PersonId;

        public string OtherUser => Other.UserId;

        public string OtherPerson => Other.PersonId;
    }
}

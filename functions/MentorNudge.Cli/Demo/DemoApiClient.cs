using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Cli.Admin;

namespace MentorNudge.Cli.Demo;

/// <summary>The demo's view of the public HTTP API: the same calls a user's curl or script makes.</summary>
public sealed class DemoApiClient(HttpClient http, string adminKey)
{
    private string? _token;

    /// <summary>POSTs as the admin (X-Admin-Key).</summary>
    public Task<JsonNode> AdminPostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, admin: true, cancellationToken);

    /// <summary>POSTs as the demo user (bearer token).</summary>
    public Task<JsonNode> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, admin: false, cancellationToken);

    public Task<JsonNode> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, admin: false, cancellationToken);

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, admin: false, cancellationToken);

    /// <summary>Uses <paramref name="token"/> for user calls from now on.</summary>
    public void SignIn(string token) => _token = token;

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, bool admin, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (admin)
        {
            request.Headers.Add(AdminKeyCheck.HeaderName, adminKey);
        }
        else if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonOptions);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
    }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The first of <paramref name="names"/> that <paramref name="node"/> has, as a string.</summary>
    public static string? Field(JsonNode? node, params string[] names)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (obj[name] is JsonValue value)
            {
                return value.ToString();
            }
        }

        return null;
    }

    /// <summary>A list answer, whether bare (<c>[...]</c>) or wrapped (<c>{ "items": [...] }</c>).</summary>
    public static IReadOnlyList<JsonNode> Items(JsonNode node) => node switch
    {
        JsonArray array => array.OfType<JsonNode>().ToList(),
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault()?.OfType<JsonNode>().ToList() ?? [],
        _ => [],
    };
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MentorNudge.Api.Routing;
using MentorNudge.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace MentorNudge.Api.Tests.OpenApi;

public sealed partial class OpenApiDocumentTests
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch"];

    private static async Task<HashSet<string>> OpenApiOperationsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3.1.0", doc.RootElement.GetProperty("openapi").GetString());
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
            {
                operations.Add($"{op.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        return operations;
    }

    [Fact]
    public async Task OpenApi_MappedRoutes_MatchDocumentExactly()
    {
        await using var host = await ApiTestHost.StartAsync((_, _) => { });

        var mapped = host.EndpointSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var documented = await OpenApiOperationsAsync(host.Client);

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }

    [Fact]
    public async Task Docs_EveryRouteHeading_MatchesDocument()
    {
        await using var host = await ApiTestHost.StartAsync((_, _) => { });
        var documented = await OpenApiOperationsAsync(host.Client);

        var markdown = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "docs", "api.md"));
        var inDocs = RouteHeading().Matches(markdown).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(documented.Except(inDocs));
        Assert.Empty(inDocs.Except(documented));
    }

    [Fact]
    public void RouteTable_EveryGroup_HasHandlers()
    {
        Assert.All(ApiRoutes.All, r => Assert.NotEmpty(r.Handlers));
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Name).Distinct().Count());
    }

    // "### GET /api/v1/me" headings, one per operation.
    [GeneratedRegex(@"^### (GET|PUT|POST|DELETE|PATCH) (/api/\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RouteHeading();
}

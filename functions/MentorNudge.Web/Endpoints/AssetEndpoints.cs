using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Web.Endpoints;

/// <summary>The stylesheet and script, embedded in the assembly (no CDN; the same bytes on both hosts).</summary>
internal static class AssetEndpoints
{
    private static readonly Dictionary<string, (byte[] Bytes, string ContentType)> Assets = new(StringComparer.Ordinal)
    {
        ["app.css"] = (Load("app.css"), "text/css; charset=utf-8"),
        ["app.js"] = (Load("app.js"), "text/javascript; charset=utf-8"),
    };

    public static IResult Get(WebRequest r, string file)
    {
        if (!Assets.TryGetValue(file, out var asset))
        {
            return WebResults.NotFound(r);
        }

        r.Context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MentorNudge.Web.Assets." + name)
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

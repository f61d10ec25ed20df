namespace MentorNudge.Api.OpenApi;

/// <summary>The hand-written OpenAPI 3.1 document, embedded in the assembly and checked against the route table by tests.</summary>
public static class OpenApiDocument
{
    private static readonly Lazy<byte[]> Content = new(Load);

    public static byte[] Bytes => Content.Value;

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("MentorNudge.Api.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

namespace MentorNudge.Api.Tests.Fuzz;

/// <summary>One generated request: the route group and method it aims at, and everything the fuzzer chose.</summary>
/// <param name="Route">The route group's name.</param>
/// <param name="Method">An HTTP method the group answers.</param>
/// <param name="Path">The path with its parameters filled (own ids, another user's, garbage).</param>
/// <param name="Auth">none, own, other, admin, badAdmin, signed, garbage.</param>
/// <param name="Body">The raw body, or null for none.</param>
/// <param name="ContentType">The Content-Type sent, or null.</param>
/// <param name="ExtraHeader">A header (name, value) with odd content, or null.</param>
public sealed record FuzzRequest(string Route, string Method, string Path, string Auth, string? Body, string? ContentType, (string Name, string Value)? ExtraHeader)
{
    /// <summary>A request that may change the caller's data when it is accepted.</summary>
    public bool Mutates => Method != "GET";

    public override string ToString() => $"{Method} {Path} auth={Auth} type={ContentType} header={ExtraHeader?.Name} body={Body?[..Math.Min(Body.Length, 300)]}";
}

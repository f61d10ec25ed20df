namespace MentorNudge.Api.Http;

/// <summary>Settings of the HTTP API, bound from the configuration section <c>MentorNudge:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "MentorNudge:Api";

    /// <summary>The admin key expected in <c>X-Admin-Key</c>; admin endpoints answer 401 while unset.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Shared key for the ACS Event Grid hook, sent by Event Grid as the delivery property header
    /// <c>X-MentorNudge-Key</c> (a secret header on the subscription). Required: while unset, the
    /// hook answers 401 to every request. The local host generates one.
    /// </summary>
    public string? EventGridKey { get; set; }

    /// <summary>Inbound email: also match a sender to a person by domain when no address matches. Off by default.</summary>
    public bool InboundEmailMatchDomain { get; set; }
}

namespace MentorNudge.Api.Http;

/// <summary>Settings of the HTTP API, bound from the configuration section <c>MentorNudge:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "MentorNudge:Api";

    /// <summary>The admin key expected in <c>X-Admin-Key</c>; admin endpoints answer 401 while unset.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Optional shared key for the ACS Event Grid hook, sent by Event Grid as the delivery property
    /// header <c>X-MentorNudge-Key</c> (configured as a secret header on the subscription). When unset,
    /// the hook is open but only acts on delivery reports for operation ids MentorNudge itself sent.
    /// </summary>
    public string? EventGridKey { get; set; }

    /// <summary>Inbound email: also match a sender to a person by domain when no address matches. Off by default.</summary>
    public bool InboundEmailMatchDomain { get; set; }
}

namespace MentorNudge.Infrastructure.Capture;

/// <summary>
/// BCC capture, bound from <c>MentorNudge:Capture</c>. The feature is off while
/// <see cref="InboundDomain"/> is unset: no capture addresses are shown and the capture hook answers 404.
/// </summary>
public sealed class CaptureOptions
{
    public const string SectionName = "MentorNudge:Capture";

    /// <summary>The local part every capture address starts with: <c>log+&lt;id&gt;@domain</c>.</summary>
    public const string LocalPartPrefix = "log+";

    /// <summary>The domain whose mail the inbound provider posts to the hook, e.g. <c>in.mentornudge.example</c>.</summary>
    public string? InboundDomain { get; set; }

    /// <summary>The service secret the inbound relay signs the capture hook with (<c>MentorNudge-Signature</c>). While unset the hook answers 401.</summary>
    public string? HookSecret { get; set; }

    /// <summary>Whether capture addresses are handed out.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(InboundDomain);

    /// <summary>The address for an opaque id.</summary>
    public string AddressFor(string opaqueId) => LocalPartPrefix + opaqueId + "@" + InboundDomain!.Trim().ToLowerInvariant();
}

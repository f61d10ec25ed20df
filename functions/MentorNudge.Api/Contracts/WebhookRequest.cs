using MentorNudge.Core.Model;

namespace MentorNudge.Api.Contracts;

/// <summary>
/// Outbound webhook settings. <c>secret</c> is optional: left out, the current one is kept, or a new
/// one is generated and returned once in the answer of the PUT.
/// </summary>
public sealed record WebhookRequest(string? Url, WebhookFormat? Format, string? Secret);

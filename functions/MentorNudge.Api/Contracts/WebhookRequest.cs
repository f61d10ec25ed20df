using MentorNudge.Core.Model;

namespace MentorNudge.Api.Contracts;

/// <summary>
/// Webhook settings. <c>secret</c> signs outbound deliveries, <c>inboundSecret</c> is what inbound
/// hooks must be signed with (they must differ). Both optional: left out, the current one is kept, or
/// a new one is generated and returned once in the answer of the PUT.
/// </summary>
public sealed record WebhookRequest(string? Url, WebhookFormat? Format, string? Secret, string? InboundSecret = null);

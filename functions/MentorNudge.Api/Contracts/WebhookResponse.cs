using MentorNudge.Core.Model;

namespace MentorNudge.Api.Contracts;

/// <summary>Webhook as shown to its owner; each secret only in the answer of the PUT that set it.</summary>
public sealed record WebhookResponse(Uri Url, WebhookFormat Format, string? Secret, string? InboundSecret = null);

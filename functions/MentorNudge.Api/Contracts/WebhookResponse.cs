using MentorNudge.Core.Model;

namespace MentorNudge.Api.Contracts;

/// <summary>Outbound webhook as shown to its owner; <c>secret</c> only in the answer of the PUT that set it.</summary>
public sealed record WebhookResponse(Uri Url, WebhookFormat Format, string? Secret);

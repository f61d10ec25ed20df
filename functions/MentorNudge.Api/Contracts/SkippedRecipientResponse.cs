namespace MentorNudge.Api.Contracts;

/// <summary>A recipient the capture hook logged nothing for: <c>unknown-person</c>, <c>people-cap</c>, <c>asks-cap</c>, <c>too-many-recipients</c>, <c>invalid</c>.</summary>
public sealed record SkippedRecipientResponse(string Address, string Reason);

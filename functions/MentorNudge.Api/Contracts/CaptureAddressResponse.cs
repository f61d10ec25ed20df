namespace MentorNudge.Api.Contracts;

/// <summary>Answer of <c>/api/v1/me/capture-address</c>: the user's BCC capture address (null while capture is off on this deployment).</summary>
public sealed record CaptureAddressResponse(bool Enabled, string? Address, bool CreatePeople);

namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>PUT /api/v1/me/capture-address</c>: whether recipients who are not yet people are added (as <c>existing</c>).</summary>
public sealed record CaptureSettingsRequest(bool? CreatePeople);

namespace MentorNudge.Infrastructure.Capture;

/// <summary>A user's capture address and whether mail to it may create people.</summary>
/// <param name="Address"><c>log+&lt;opaque id&gt;@&lt;inbound domain&gt;</c>.</param>
/// <param name="CreatePeople">Recipients who are not yet people are added (connection <c>existing</c>); off by default.</param>
public sealed record CaptureAddress(string Address, bool CreatePeople);

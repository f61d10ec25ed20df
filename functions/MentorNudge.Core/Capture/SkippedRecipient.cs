namespace MentorNudge.Core.Capture;

/// <summary>A To/Cc recipient of a captured email for whom nothing was logged, and why.</summary>
/// <param name="Address">The recipient's address.</param>
/// <param name="Reason"><c>unknown-person</c> (no person has the address and creating people is off), <c>people-cap</c> (creating would exceed the cap), <c>too-many-recipients</c>, <c>invalid</c>.</param>
public sealed record SkippedRecipient(string Address, string Reason);

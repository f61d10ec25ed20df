using NodaTime;

namespace MentorNudge.Cli.Email;

/// <summary>One email the local host handed to its sender.</summary>
/// <param name="NudgeId">The <c>X-MentorNudge-Nudge-Id</c> header, when present.</param>
/// <param name="Kind">The <c>X-MentorNudge-Kind</c> header, when present.</param>
/// <param name="To">Recipient.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="At">The (possibly virtual) time it was sent.</param>
/// <param name="Channel">Sender name (outbox, smtp, acs).</param>
/// <param name="Outcome">What the sender answered.</param>
public sealed record SentMail(string? NudgeId, string? Kind, string To, string Subject, Instant At, string Channel, string Outcome);

using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content.Digest;

/// <summary>A follow-up reminder due in the coming week, listed in the digest.</summary>
/// <param name="Person">Who it is about.</param>
/// <param name="Ask">The unanswered ask, when known.</param>
/// <param name="Step">Follow-up step (1-based).</param>
/// <param name="DueLocal">When it is due, in the user's zone.</param>
public sealed record DigestFollowUp(Person Person, Ask? Ask, int Step, ZonedDateTime DueLocal);

using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>An ask in answers.</summary>
public sealed record AskResponse(string Id, string PersonId, Instant SentAt, string? Channel, string? Subject, string? Text, Instant? AnsweredAt)
{
    public static AskResponse From(Ask a) => new(a.Id, a.PersonId, a.SentAt, a.Channel, a.Subject, a.Text, a.AnsweredAt);
}

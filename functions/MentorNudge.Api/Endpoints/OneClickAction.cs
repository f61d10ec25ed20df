namespace MentorNudge.Api.Endpoints;

/// <summary>A decoded one-click link: what to do, for whom.</summary>
/// <param name="UserId">Owner.</param>
/// <param name="Action"><c>replied</c>, <c>snooze</c>, <c>stop</c> or <c>unsubscribe</c>.</param>
/// <param name="PersonId">The person the link's nudge is about, if any.</param>
/// <param name="PersonName">Their name, for the confirm page.</param>
/// <param name="SubjectId">What the token names: a nudge id, or for <c>undo</c> a captured email's id.</param>
internal sealed record OneClickAction(string UserId, string Action, string? PersonId, string? PersonName = null, string SubjectId = "");

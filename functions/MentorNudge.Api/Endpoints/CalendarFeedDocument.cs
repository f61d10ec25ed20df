using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MentorNudge.Infrastructure.Calendar;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// Writes a calendar feed as RFC 5545 text: one VEVENT per upcoming nudge, UID = the nudge id,
/// DTSTART in UTC (an instant, exact across DST changes; calendar apps show it in the viewer's
/// zone), a link back to the person in the web app. The text depends only on the content and
/// the feed's issue time (DTSTAMP), so equal content gives an equal strong ETag.
/// </summary>
internal static class CalendarFeedDocument
{
    private static readonly NodaTime.Duration EventLength = NodaTime.Duration.FromMinutes(15);

    public static string Write(CalendarFeedContent content, Instant issuedAt, Uri publicBaseUrl)
    {
        var calendar = new Calendar { ProductId = "-//MentorNudge//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", "MentorNudge");
        var stamp = Utc(issuedAt);
        foreach (var n in content.Nudges)
        {
            var person = n.PersonId is { } id && content.PersonNames.TryGetValue(id, out var name) ? name : null;
            var e = new CalendarEvent
            {
                Uid = n.NudgeId,
                DtStamp = stamp,
                DtStart = Utc(n.DueAt),
                DtEnd = Utc(n.DueAt + EventLength),
                Summary = Summary(n, person),
                Description = Description(n, person),
            };
            if (n.PersonId is not null)
            {
                e.Url = new Uri(publicBaseUrl, "app/people/" + Uri.EscapeDataString(n.PersonId));
            }

            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A strong ETag of the feed's text.</summary>
    public static string ETag(string text) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32] + "\"";

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc());

    private static string Summary(ScheduledNudge n, string? person) => n.Kind switch
    {
        NudgeKind.FollowUp => $"Follow up with {person ?? "someone"}",
        NudgeKind.KeepInTouch => $"Keep in touch with {person ?? "someone"}",
        _ => "Weekly digest",
    };

    private static string Description(ScheduledNudge n, string? person) => n.Kind switch
    {
        NudgeKind.FollowUp => $"Follow-up {n.Step} about your outreach to {person ?? "this person"}: MentorNudge emails you a draft at this time unless they reply first.",
        NudgeKind.KeepInTouch => $"Time to get back in touch with {person ?? "this person"}: MentorNudge emails you a reminder at this time.",
        _ => "Your weekly digest of who to reach out to arrives by email at this time.",
    };
}

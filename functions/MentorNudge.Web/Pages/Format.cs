using System.Globalization;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Web.Pages;

/// <summary>How the pages write dates, times and names of things (English, the user's zone).</summary>
internal static class Format
{
    private static readonly ZonedDateTimePattern DateTime = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu, HH:mm", null);
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("ddd d MMM uuuu");

    public static string When(ZonedDateTime local) => DateTime.Format(local) + " " + local.Zone.GetZoneInterval(local.ToInstant()).Name;

    public static string Day(LocalDate date) => Date.Format(date);

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Kind(NudgeKind kind) => kind switch
    {
        NudgeKind.FollowUp => "Follow-up reminder",
        NudgeKind.WeeklyDigest => "Weekly digest",
        NudgeKind.KeepInTouch => "Keep-in-touch reminder",
        _ => kind.ToString(),
    };

    public static string Role(PersonRole role) => role.ToString().ToLowerInvariant();

    public static string Connection(Connection connection) => connection == Core.Model.Connection.Existing ? "existing" : "admired";

    public static string Interaction(InteractionKind kind) => kind switch
    {
        InteractionKind.CloseTheLoop => "closed the loop",
        InteractionKind.Comment => "commented on their work",
        InteractionKind.Share => "shared something",
        InteractionKind.Congratulate => "congratulated them",
        InteractionKind.Amplify => "amplified their work",
        InteractionKind.Introduce => "made an introduction",
        InteractionKind.Thank => "thanked them",
        InteractionKind.Meeting => "met",
        InteractionKind.Message => "messaged",
        _ => "other",
    };

    public static string Status(NudgeStatus status) => status.ToString().ToLowerInvariant();

    public static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";

    /// <summary>Why a scheduled nudge exists, in a sentence.</summary>
    public static string Why(ScheduledNudge n, Person? person, Ask? ask, User user) => n.Kind switch
    {
        NudgeKind.FollowUp when ask is not null =>
            $"Follow-up {n.Step} of {user.Settings.FollowUp.MaxFollowUps}: no reply yet to your outreach{(ask.Subject is { } s ? " “" + s + "”" : "")} sent {Day(ask.SentAt.InZone(n.DueLocal.Zone).Date)}; {(n.Step == 1 ? user.Settings.FollowUp.FirstAfterBusinessDays : user.Settings.FollowUp.ThenAfterBusinessDays)} business days later at your reminder time.",
        NudgeKind.FollowUp => $"Follow-up {n.Step}: an outreach to {person?.Name ?? "someone"} has no reply yet.",
        NudgeKind.KeepInTouch => $"You asked to keep in touch with {person?.Name ?? "them"} every {Days(person?.KeepInTouchEveryDays ?? 0)}.",
        NudgeKind.WeeklyDigest => $"Your weekly add-value digest, every {user.Settings.WeeklyDigest.Day} at {user.Settings.WeeklyDigest.Time:HH:mm}.",
        _ => "",
    };
}

using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Web.Endpoints;
using MentorNudge.Web.Markup;
using NodaTime;

namespace MentorNudge.Web.Pages;

/// <summary>Upcoming nudges in the user's local time, each with why it exists: the next 7 days as a list by day, or a calendar month (<see cref="ScheduleMonthView"/>).</summary>
internal static class SchedulePage
{
    public static Html Render(PageFrame f, UserSnapshot s, YearMonth? month)
    {
        var tabs = month is null
            ? Html.Of($"""<p class="tabs"><strong>Next 7 days</strong> · <a href="{f.Root}schedule?range=month">Month</a></p>""")
            : Html.Of($"""<p class="tabs"><a href="{f.Root}schedule">Next 7 days</a> · <strong>Month</strong></p>""");
        var body = month is { } m ? ScheduleMonthView.Render(f, s, m) : Week(f, s);
        return Layout.Page(f, "Schedule", Html.Of($"""
            <p class="lead">Times are in {s.Zone.Id}.</p>
            {tabs}
            {body}
            """));
    }

    private static Html Week(PageFrame f, UserSnapshot s)
    {
        var days = s.Upcoming(s.Now + Duration.FromDays(7)).GroupBy(n => n.DueLocal.Date).ToList();
        return days.Count == 0
            ? Html.Of($"<p>Nothing planned in this range.</p>")
            : Html.Join(days.Select(d => Html.Of($"""
                <h2>{Format.Day(d.Key)}</h2>
                <ul class="plain schedule">{d.Select(n => Html.Of($"""<li data-kind="{n.Kind}"><strong>{n.DueLocal.TimeOfDay.ToString("HH:mm", null)}</strong> {Format.Kind(n.Kind)}{PersonLink(f, s, n)}<br><span class="why">{Why(s, n)}</span></li>"""))}</ul>
                """)));
    }

    /// <summary>" — <a>name</a>" when the nudge is about a person.</summary>
    public static Html PersonLink(PageFrame f, UserSnapshot s, ScheduledNudge n) =>
        s.Person(n.PersonId) is { } person ? Html.Of($" — <a href=\"{f.Root}people/{person.Id}\">{person.Name}</a>") : Html.Empty;

    public static string Why(UserSnapshot s, ScheduledNudge n) =>
        Format.Why(n, s.Person(n.PersonId), s.Asks.FirstOrDefault(a => a.Id == n.AskId), s.User);
}

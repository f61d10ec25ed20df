using MentorNudge.Web.Endpoints;
using MentorNudge.Web.Markup;
using NodaTime;

namespace MentorNudge.Web.Pages;

/// <summary>Upcoming nudges in the user's local time, grouped by day, each with why it exists.</summary>
internal static class SchedulePage
{
    public static Html Render(PageFrame f, UserSnapshot s, bool month)
    {
        var until = s.Now + Duration.FromDays(month ? 31 : 7);
        var days = s.Upcoming(until).GroupBy(n => n.DueLocal.Date).ToList();
        var list = days.Count == 0
            ? Html.Of($"<p>Nothing planned in this range.</p>")
            : Html.Join(days.Select(d => Html.Of($"""
                <h2>{Format.Day(d.Key)}</h2>
                <ul class="plain schedule">{d.Select(n =>
                {
                    var person = s.Person(n.PersonId);
                    var ask = s.Asks.FirstOrDefault(a => a.Id == n.AskId);
                    return Html.Of($"""<li data-kind="{n.Kind}"><strong>{n.DueLocal.TimeOfDay.ToString("HH:mm", null)}</strong> {Format.Kind(n.Kind)}{(person is null ? Html.Empty : Html.Of($" — <a href=\"{f.Root}people/{person.Id}\">{person.Name}</a>"))}<br><span class="why">{Format.Why(n, person, ask, s.User)}</span></li>""");
                })}</ul>
                """)));
        var tabs = month
            ? Html.Of($"""<p class="tabs"><a href="{f.Root}schedule">Next 7 days</a> · <strong>Next 31 days</strong></p>""")
            : Html.Of($"""<p class="tabs"><strong>Next 7 days</strong> · <a href="{f.Root}schedule?range=month">Next 31 days</a></p>""");
        return Layout.Page(f, "Schedule", Html.Of($"""
            <p class="lead">Times are in {s.Zone.Id}.</p>
            {tabs}
            {list}
            """));
    }
}

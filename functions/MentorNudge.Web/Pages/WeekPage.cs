using MentorNudge.Web.Endpoints;
using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>This week: the digest's add-value prompts with done / skip / snooze, follow-ups due, people going cold, the vacation banner.</summary>
internal static class WeekPage
{
    public static Html Render(PageFrame f, UserSnapshot s, IReadOnlySet<string> skipped)
    {
        var (digest, week) = s.ThisWeek();
        var today = s.Local(s.Now).Date;
        var vacation = s.User.Settings.VacationUntil is { } until && until >= today
            ? Html.Of($"""<p class="banner" role="status">You are on vacation until {Format.Day(until)}: nothing is sent until then, and what falls due is re-planned after. <a href="{f.Root}settings#vacation">Change</a></p>""")
            : Html.Empty;
        var prompts = digest.Prompts.Where(p => !skipped.Contains(p.Person.Id)).ToList();
        var promptList = prompts.Count == 0
            ? Html.Of($"""<p>No add-value prompts left for week {week}. <a href="{f.Root}people">See your people</a>.</p>""")
            : Html.Of($"""<ul class="cards">{prompts.Select(p => Html.Of($"""
                <li class="card" id="prompt-{p.Person.Id}">
                <h3><a href="{f.Root}people/{p.Person.Id}">{p.Person.Name}</a>: {p.Title}</h3>
                <p>{p.Suggestion}</p>
                {(p.Link is { } link ? Html.Of($"""<p><a href="{link.AbsoluteUri}" rel="noreferrer noopener">{link.Host}</a></p>""") : Html.Empty)}
                <div class="actions">
                {Layout.Button(f, $"week/{p.Person.Id}/done", "Done", "primary", Html.Of($"""<input type="hidden" name="kind" value="{p.Kind}">"""))}
                {Layout.Button(f, $"week/{p.Person.Id}/skip", "Skip this week")}
                {Layout.Button(f, $"week/{p.Person.Id}/snooze", "Snooze a week")}
                </div>
                </li>
                """))}</ul>""");
        var followUps = digest.FollowUpsDue.Count == 0
            ? Html.Of($"<p>No follow-ups due.</p>")
            : Html.Of($"""<ul class="plain">{digest.FollowUpsDue.Select(d => Html.Of($"""
                <li><a href="{f.Root}people/{d.Person.Id}">{d.Person.Name}</a> — follow-up {d.Step}{(d.Ask?.Subject is { } subj ? Html.Of($" on “{subj}”") : Html.Empty)}, {Format.When(d.DueLocal)}
                {Layout.Button(f, $"people/{d.Person.Id}/reply", "They replied")}</li>
                """))}</ul>""");
        var cold = digest.LosingTouch.Count == 0
            ? Html.Of($"<p>Nobody is past their keep-in-touch cadence.</p>")
            : Html.Of($"""<ul class="plain">{digest.LosingTouch.Select(l => Html.Of($"""<li><a href="{f.Root}people/{l.Person.Id}">{l.Person.Name}</a> — {Format.Days(l.DaysSinceLastContact)} since you were last in touch (every {Format.Days(l.Person.KeepInTouchEveryDays ?? 0)} wanted)</li>"""))}</ul>""");
        return Layout.Page(f, "This week", Html.Of($"""
            {vacation}
            <p class="lead">Week {week}. Add value first: small things to do <em>for</em> people, before asking anything.</p>
            <section aria-labelledby="prompts-h"><h2 id="prompts-h">Add value first</h2>{promptList}</section>
            <section aria-labelledby="followups-h"><h2 id="followups-h">Follow-ups due</h2>{followUps}</section>
            <section aria-labelledby="cold-h"><h2 id="cold-h">Going cold</h2>{cold}</section>
            """));
    }
}

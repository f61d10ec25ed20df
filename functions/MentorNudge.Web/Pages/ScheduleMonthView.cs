using System.Globalization;
using MentorNudge.Web.Endpoints;
using MentorNudge.Web.Markup;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Web.Pages;

/// <summary>
/// A calendar month (weeks from Monday) of the nudges still to come, in the user's zone. Each nudge
/// opens (a <c>details</c>, no script) to say why it exists. Under 640 px the grid becomes a list of
/// the days that have something planned, so nothing scrolls sideways.
/// </summary>
internal static class ScheduleMonthView
{
    private static readonly YearMonthPattern Key = YearMonthPattern.CreateWithInvariantCulture("uuuu-MM");
    private static readonly YearMonthPattern Title = YearMonthPattern.CreateWithInvariantCulture("MMMM uuuu");
    private static readonly IsoDayOfWeek[] Week = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>The month named by <c>?month=uuuu-MM</c>, else the user's current one.</summary>
    public static YearMonth Parse(string? text, UserSnapshot s) =>
        text is not null && Key.Parse(text) is { Success: true } parsed && Math.Abs(parsed.Value.Year - s.Local(s.Now).Year) <= 5
            ? parsed.Value
            : s.Local(s.Now).Date.ToYearMonth();

    public static Html Render(PageFrame f, UserSnapshot s, YearMonth month)
    {
        var first = month.OnDayOfMonth(1);
        var last = first.PlusMonths(1).PlusDays(-1);
        var start = first.StartIn(s).ToInstant() > s.Now ? first.StartIn(s).ToInstant() : s.Now;
        var byDay = s.Upcoming(first.PlusMonths(1).StartIn(s).ToInstant())
            .Where(n => n.DueAt >= start)
            .GroupBy(n => n.DueLocal.Date)
            .ToDictionary(g => g.Key, g => g.ToList());
        var today = s.Local(s.Now).Date;
        var gridStart = first.PlusDays(-((int)first.DayOfWeek - 1));
        var weeks = new List<Html>();
        for (var weekStart = gridStart; weekStart <= last; weekStart = weekStart.PlusWeeks(1))
        {
            var cells = Enumerable.Range(0, 7).Select(i => Cell(f, s, weekStart.PlusDays(i), month, today, byDay));
            weeks.Add(Html.Of($"<tr>{cells}</tr>"));
        }

        var head = Html.Join(Week.Select(d => Html.Of($"""<th scope="col"><abbr title="{d}">{d.ToString()[..3]}</abbr></th>""")));
        var count = byDay.Values.Sum(l => l.Count);
        return Html.Of($"""
            <nav class="month-nav" aria-label="Months"><a href="{f.Root}schedule?range=month&amp;month={Key.Format(month.PlusMonths(-1))}">← {Title.Format(month.PlusMonths(-1))}</a> <a href="{f.Root}schedule?range=month&amp;month={Key.Format(month.PlusMonths(1))}">{Title.Format(month.PlusMonths(1))} →</a></nav>
            <h2 id="month-h">{Title.Format(month)}</h2>
            <p class="hint">{(count == 1 ? "1 nudge" : count.ToString(CultureInfo.InvariantCulture) + " nudges")} still to come this month. Open one to see why it exists.</p>
            <table class="month" aria-labelledby="month-h"><thead><tr>{head}</tr></thead><tbody>{weeks}</tbody></table>
            """);
    }

    private static Html Cell(PageFrame f, UserSnapshot s, LocalDate day, YearMonth month, LocalDate today, Dictionary<LocalDate, List<Infrastructure.Pipeline.ScheduledNudge>> byDay)
    {
        var inMonth = day.ToYearMonth() == month;
        var nudges = inMonth && byDay.TryGetValue(day, out var list) ? list : [];
        var css = (inMonth ? "" : "outside ") + (nudges.Count == 0 ? "empty" : "busy") + (day == today ? " today" : "");
        var items = Html.Join(nudges.Select(n => Html.Of($"""
            <li data-kind="{n.Kind}"><details><summary><strong>{n.DueLocal.TimeOfDay.ToString("HH:mm", null)}</strong> {Format.Kind(n.Kind)}</summary>{SchedulePage.PersonLink(f, s, n)}<p class="why">{SchedulePage.Why(s, n)}</p></details></li>
            """)));
        var label = Html.Of($"""<span class="date"><span class="dow">{day.DayOfWeek.ToString()[..3]} </span>{day.Day}<span class="dow"> {Title.Format(day.ToYearMonth())}</span></span>""");
        return Html.Of($"""<td class="{css}"{(day == today ? Html.Of($" aria-current=\"date\"") : Html.Empty)}>{label}{(nudges.Count == 0 ? Html.Empty : Html.Of($"<ul class=\"plain\">{items}</ul>"))}</td>""");
    }

    private static ZonedDateTime StartIn(this LocalDate date, UserSnapshot s) => date.AtStartOfDayInZone(s.Zone);
}

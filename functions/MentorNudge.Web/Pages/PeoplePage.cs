using MentorNudge.Core.Model;
using MentorNudge.Web.Endpoints;
using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>People: search and filter, one row each (connection, role, last contact, next nudge, warmth), and the form to add one.</summary>
internal static class PeoplePage
{
    public static Html Render(PageFrame f, UserSnapshot s, string? query, string? warmth, IReadOnlyDictionary<string, string[]>? errors = null, PersonForm? draft = null)
    {
        var people = s.People
            .Where(p => string.IsNullOrWhiteSpace(query)
                || p.Name.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)
                || p.Emails.Any(e => e.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase))
                || p.Interests.Any(i => i.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Where(p => string.IsNullOrEmpty(warmth) || s.Warmth(p) == warmth)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var rows = people.Select(p =>
        {
            var next = s.NextNudge(p);
            var w = s.Warmth(p);
            return Html.Of($"""
                <tr>
                <th scope="row"><a href="{f.Root}people/{p.Id}">{p.Name}</a>{(p.Stopped ? Html.Of($" <span class=\"tag\">stopped</span>") : Html.Empty)}</th>
                <td>{Format.Connection(p.Connection)}</td>
                <td>{Format.Role(p.Role)}</td>
                <td>{Format.Day(s.Local(s.LastContact(p)).Date)}</td>
                <td>{(next is null ? Html.Of($"—") : Html.Of($"{Format.Kind(next.Kind)}, {Format.When(next.DueLocal)}"))}</td>
                <td><span class="warmth warmth-{w}">{w}</span></td>
                </tr>
                """);
        });
        var table = people.Count == 0
            ? Html.Of($"<p>No one matches.</p>")
            : Html.Of($"""
                <div class="scroll"><table>
                <caption class="visually-hidden">People you are cultivating</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">Connection</th><th scope="col">Role</th><th scope="col">Last contact</th><th scope="col">Next nudge</th><th scope="col">Warmth</th></tr></thead>
                <tbody>{rows}</tbody>
                </table></div>
                """);
        var options = new[] { ("", "Any warmth"), ("warm", "Warm"), ("cooling", "Cooling"), ("cold", "Cold") }
            .Select(o => o.Item1 == (warmth ?? "")
                ? Html.Of($"""<option value="{o.Item1}" selected>{o.Item2}</option>""")
                : Html.Of($"""<option value="{o.Item1}">{o.Item2}</option>"""));
        return Layout.Page(f, "People", Html.Of($"""
            <form method="get" action="{f.Root}people" class="search" role="search">
            <label for="q">Search</label><input id="q" name="q" type="search" value="{query}" autocomplete="off">
            <label for="warmth">Warmth</label><select id="warmth" name="warmth">{options}</select>
            <button type="submit">Filter</button>
            </form>
            {table}
            <p><a href="{f.Root}people/import">Import people from LinkedIn, vCards or a CSV</a></p>
            <section aria-labelledby="add-h"><h2 id="add-h">Add a person</h2>
            {Layout.Errors(errors)}
            <form method="post" action="{f.Root}people" class="stack">
            {Layout.Csrf(f)}
            {PersonFields.Render(draft ?? PersonForm.Empty, "new")}
            <button type="submit" class="primary">Add person</button>
            </form></section>
            """));
    }
}

using MentorNudge.Core.Model;
using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>The labelled fields of the add and edit forms (ids prefixed, so both can be on one page).</summary>
internal static class PersonFields
{
    public static Html Render(PersonForm v, string prefix) => Html.Of($"""
        <label for="{prefix}-name">Name</label><input id="{prefix}-name" name="name" required maxlength="200" value="{v.Name}" autocomplete="off">
        <label for="{prefix}-emails">Emails <span class="hint">(comma-separated)</span></label><input id="{prefix}-emails" name="emails" value="{v.Emails}" autocomplete="off">
        <label for="{prefix}-connection">Connection</label><select id="{prefix}-connection" name="connection">{Options(["existing", "admired"], v.Connection)}</select>
        <label for="{prefix}-role">Role</label><select id="{prefix}-role" name="role">{Options(Enum.GetValues<PersonRole>().Select(Format.Role), v.Role)}</select>
        <label for="{prefix}-interests">Interests <span class="hint">(comma-separated)</span></label><input id="{prefix}-interests" name="interests" value="{v.Interests}">
        <label for="{prefix}-links">Links to their work <span class="hint">(one per line)</span></label><textarea id="{prefix}-links" name="links" rows="2">{v.Links}</textarea>
        <label for="{prefix}-notes">Notes</label><textarea id="{prefix}-notes" name="notes" rows="2">{v.Notes}</textarea>
        <label for="{prefix}-every">Keep in touch every <span class="hint">(days; empty for never)</span></label><input id="{prefix}-every" name="keepInTouchEveryDays" inputmode="numeric" value="{v.KeepInTouchEveryDays}">
        """);

    public static Html Options(IEnumerable<string> values, string selected) =>
        Html.Join(values.Select(o => o == selected
            ? Html.Of($"""<option value="{o}" selected>{o}</option>""")
            : Html.Of($"""<option value="{o}">{o}</option>""")));
}

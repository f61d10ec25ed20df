using MentorNudge.Core.Model;
using MentorNudge.Web.Endpoints;
using MentorNudge.Web.Markup;
using NodaTime;

namespace MentorNudge.Web.Pages;

/// <summary>One person: what to do next (outreach with the live ask coach, reply, interaction, snooze, stop), the timeline, edit and delete.</summary>
internal static class PersonPage
{
    public static Html Render(PageFrame f, UserSnapshot s, Person p, IReadOnlyDictionary<string, string[]>? errors = null, PersonForm? edit = null)
    {
        var awaiting = s.Asks.Any(a => a.PersonId == p.Id && a.IsAwaiting);
        var status = p.Stopped
            ? Html.Of($"""<p class="banner">Nudges about {p.Name} are stopped.</p>""")
            : p.SnoozedUntil is { } until && until > s.Now
                ? Html.Of($"""<p class="banner">Snoozed until {Format.When(s.Local(until))}.</p>""")
                : Html.Empty;
        var kinds = PersonFields.Options(Enum.GetValues<InteractionKind>().Select(k => k.ToString()), nameof(InteractionKind.Comment));
        return Layout.Page(f, p.Name, Html.Of($"""
            {status}
            <p class="lead">{Format.Connection(p.Connection)} connection · {Format.Role(p.Role)} · <span class="warmth warmth-{s.Warmth(p)}">{s.Warmth(p)}</span> · last contact {Format.Day(s.Local(s.LastContact(p)).Date)}</p>
            {Layout.Errors(errors)}
            <section aria-labelledby="outreach-h"><h2 id="outreach-h">Log an outreach</h2>
            <form method="post" action="{f.Root}people/{p.Id}/outreach" class="stack" id="outreach-form">
            {Layout.Csrf(f)}
            <label for="outreach-subject">Subject</label><input id="outreach-subject" name="subject" maxlength="300">
            <label for="outreach-channel">Channel</label><input id="outreach-channel" name="channel" maxlength="50" placeholder="email, LinkedIn, in person…">
            <label for="outreach-text">What you asked</label>
            <textarea id="outreach-text" name="text" rows="5" data-coach="{f.Root}coach" data-person="{p.Id}" aria-describedby="coach"></textarea>
            <div id="coach" class="coach" aria-live="polite"><p class="hint">The ask coach reviews your text as you type.</p></div>
            <button type="submit" class="primary">Save outreach</button>
            </form></section>
            <section aria-labelledby="act-h"><h2 id="act-h">Actions</h2>
            <div class="actions">
            {(awaiting ? Layout.Button(f, $"people/{p.Id}/reply", "They replied", "primary") : Html.Empty)}
            {Layout.Button(f, $"people/{p.Id}/snooze", "Snooze a week")}
            {(p.Stopped ? Html.Empty : Layout.Button(f, $"people/{p.Id}/stop", "Stop nudges about them"))}
            </div>
            <form method="post" action="{f.Root}people/{p.Id}/interaction" class="stack">
            {Layout.Csrf(f)}
            <label for="interaction-kind">Log an interaction</label><select id="interaction-kind" name="kind">{kinds}</select>
            <label for="interaction-note">Note</label><input id="interaction-note" name="note" maxlength="2000">
            <button type="submit">Log interaction</button>
            </form></section>
            <section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>{Timeline(f, s, p)}</section>
            <section aria-labelledby="edit-h"><h2 id="edit-h">Edit</h2>
            <form method="post" action="{f.Root}people/{p.Id}/edit" class="stack">
            {Layout.Csrf(f)}
            {PersonFields.Render(edit ?? PersonForm.From(p), "edit")}
            <button type="submit">Save changes</button>
            </form>
            <form method="post" action="{f.Root}people/{p.Id}/delete" class="stack danger">
            {Layout.Csrf(f)}
            <label><input type="checkbox" name="confirm" value="yes" required> Delete {p.Name}, their outreach and interactions</label>
            <button type="submit" class="danger">Delete person</button>
            </form></section>
            """));
    }

    private static Html Timeline(PageFrame f, UserSnapshot s, Person p)
    {
        var entries = new List<(Instant At, Html Text)>();
        foreach (var a in s.Asks.Where(a => a.PersonId == p.Id))
        {
            entries.Add((a.SentAt, Html.Of($"""You reached out{(a.Channel is { } c ? Html.Of($" by {c}") : Html.Empty)}{(a.Subject is { } subj ? Html.Of($": “{subj}”") : Html.Empty)}""")));
            if (a.AnsweredAt is { } r)
            {
                entries.Add((r, Html.Of($"They replied")));
            }
        }

        foreach (var i in s.Interactions.Where(i => i.PersonId == p.Id))
        {
            entries.Add((i.At, Html.Of($"""You {Format.Interaction(i.Kind)}{(i.Note is { Length: > 0 } n ? Html.Of($": {n}") : Html.Empty)}""")));
        }

        foreach (var n in s.Nudges.Where(n => n.PersonId == p.Id))
        {
            var what = n.Status == NudgeStatus.Scheduled ? "planned" : Format.Status(n.Status);
            entries.Add((n.SentAt ?? n.DueAt, Html.Of($"""<span class="tag tag-{what}">{what}</span> {Format.Kind(n.Kind)}{(n.Reason is { } why && n.Status != NudgeStatus.Sent ? Html.Of($" ({why})") : Html.Empty)}""")));
        }

        return entries.Count == 0
            ? Html.Of($"<p>Nothing yet.</p>")
            : Html.Of($"""<ol class="timeline">{entries.OrderByDescending(e => e.At).Select(e => Html.Of($"""<li><time datetime="{e.At.ToString()}">{Format.When(s.Local(e.At))}</time> {e.Text}</li>"""))}</ol>""");
    }
}

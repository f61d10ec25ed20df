using MentorNudge.Api.Contracts;
using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>The ask coach's feedback as a fragment, swapped into the outreach form as the user types.</summary>
internal static class CoachPartial
{
    public static Html Render(CoachResponse c) => c.Findings.Count == 0
        ? Html.Of($"""<p class="coach-ok"><strong>Score {c.Score}/100.</strong> Specific and small: good to send.</p>""")
        : Html.Of($"""
            <p><strong>Score {c.Score}/100.</strong> The coach suggests:</p>
            <ul class="findings">{c.Findings.Select(x => Html.Of($"""<li data-code="{x.Code}"><strong>{x.Message}</strong> {x.Suggestion}</li>"""))}</ul>
            {(c.Rewrite is { Length: > 0 } r ? Html.Of($"""<p>A rewrite to start from:</p><blockquote>{r}</blockquote>""") : Html.Empty)}
            """);
}

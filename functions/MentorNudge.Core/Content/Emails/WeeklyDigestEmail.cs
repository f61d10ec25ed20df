using System.Globalization;
using System.Text;
using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Emails;

/// <summary>The weekly "add value first" digest.</summary>
internal static class WeeklyDigestEmail
{
    public static RenderedEmail Render(User user, WeeklyDigest digest, string productName, ActionLinkSet links)
    {
        var subject = digest.Prompts.Count > 0
            ? $"Your week: {EmailFormat.Plural(digest.Prompts.Count, "way", "ways")} to add value first"
            : "Your week with " + productName;
        const string intro = "Mentorship grows from giving before asking. A few small things you could do this week:";

        var html = new StringBuilder()
            .Append(EmailLayout.Heading(subject))
            .Append(EmailLayout.Paragraph(SafeText.Html(EmailFormat.Greeting(user))));
        var text = new StringBuilder()
            .Append(EmailFormat.Greeting(user)).Append("\n\n");

        if (digest.Prompts.Count > 0)
        {
            html.Append(EmailLayout.Paragraph(SafeText.Html(intro)))
                .Append(EmailLayout.SubHeading("Add value first"))
                .Append(EmailLayout.List(digest.Prompts.Select(p =>
                    $"<strong>{SafeText.Html(p.Title)}</strong><br>{SafeText.Html(p.Suggestion)}"
                    + (p.Link is null ? string.Empty : "<br>" + EmailLayout.Link(p.Link, p.Link.AbsoluteUri)))));
            text.Append(intro).Append("\n\nADD VALUE FIRST\n");
            foreach (var p in digest.Prompts)
            {
                text.Append("- ").Append(p.Title).Append('\n').Append("  ").Append(p.Suggestion).Append('\n');
                if (p.Link is not null)
                {
                    text.Append("  ").Append(p.Link.AbsoluteUri).Append('\n');
                }
            }

            text.Append('\n');
        }
        else
        {
            const string nothing = "Nobody needs a prompt this week. Add the people you want to cultivate and their work, and the digest will suggest ways to help them.";
            html.Append(EmailLayout.Paragraph(SafeText.Html(nothing)));
            text.Append(nothing).Append("\n\n");
        }

        if (digest.FollowUpsDue.Count > 0)
        {
            html.Append(EmailLayout.SubHeading("Follow-ups due this week"))
                .Append(EmailLayout.List(digest.FollowUpsDue.Select(f => SafeText.Html(FollowUpLine(f)))));
            text.Append("FOLLOW-UPS DUE THIS WEEK\n");
            foreach (var f in digest.FollowUpsDue)
            {
                text.Append("- ").Append(FollowUpLine(f)).Append('\n');
            }

            text.Append('\n');
        }

        if (digest.LosingTouch.Count > 0)
        {
            html.Append(EmailLayout.SubHeading("Losing touch"))
                .Append(EmailLayout.List(digest.LosingTouch.Select(l => SafeText.Html(LosingTouchLine(l)))));
            text.Append("LOSING TOUCH\n");
            foreach (var l in digest.LosingTouch)
            {
                text.Append("- ").Append(LosingTouchLine(l)).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(EmailFooter.Text(productName, links));
        return new RenderedEmail(subject, EmailLayout.Page(subject, intro, html.ToString(), EmailFooter.Html(productName, links)), text.ToString());
    }

    private static string FollowUpLine(DigestFollowUp f)
    {
        var topic = SafeText.OneLine(f.Ask?.Subject, 80);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{EmailFormat.PersonName(f.Person)}{(topic.Length > 0 ? $" (\"{topic}\")" : string.Empty)}: follow-up {f.Step}, {EmailFormat.DateTime(f.DueLocal)}");
    }

    private static string LosingTouchLine(LosingTouchEntry l) =>
        $"{EmailFormat.PersonName(l.Person)}: last in touch {EmailFormat.Plural(l.DaysSinceLastContact, "day", "days")} ago";
}

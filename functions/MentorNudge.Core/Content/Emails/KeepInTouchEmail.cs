using System.Globalization;
using System.Text;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content.Emails;

/// <summary>The keep-in-touch reminder: someone is past the interval the user chose.</summary>
internal static class KeepInTouchEmail
{
    public static RenderedEmail Render(User user, Person person, Instant lastContact, Instant now, string productName, ActionLinkSet links)
    {
        var zone = user.Settings.Zone;
        var name = EmailFormat.PersonName(person);
        var days = Math.Max(0, (int)Math.Floor((now - lastContact).TotalDays));
        var every = person.KeepInTouchEveryDays;
        var subject = $"Keep in touch with {name}";
        var intro = string.Create(CultureInfo.InvariantCulture, $"It has been {EmailFormat.Plural(days, "day", "days")} since you were last in touch with {name} (on {EmailFormat.Date(lastContact, zone)}).")
            + (every is > 0 ? string.Create(CultureInfo.InvariantCulture, $" You wanted to be in touch every {EmailFormat.Plural(every.Value, "day", "days")}.") : string.Empty);
        var interest = person.Interests.Select(i => SafeText.OneLine(i, 60)).FirstOrDefault(i => i.Length > 0);
        var idea = interest is null
            ? "Two lines about something of theirs you enjoyed, or a link they would find useful, is plenty. No ask needed."
            : $"Two lines about something of theirs you enjoyed, or a link on {interest} they would find useful, is plenty. No ask needed.";
        var work = person.Links.Select(SafeText.Link).OfType<Uri>().Take(3).ToList();

        var html = new StringBuilder()
            .Append(EmailLayout.Heading(subject))
            .Append(EmailLayout.Paragraph(SafeText.Html(EmailFormat.Greeting(user))))
            .Append(EmailLayout.Paragraph(SafeText.Html(intro)))
            .Append(EmailLayout.Paragraph(SafeText.Html(idea)));
        if (work.Count > 0)
        {
            html.Append(EmailLayout.SubHeading("Their work"))
                .Append(EmailLayout.List(work.Select(u => EmailLayout.Link(u, u.AbsoluteUri))));
        }

        html.Append(EmailLayout.Paragraph(
            EmailLayout.Button(links.Snooze!, "Snooze a week")
            + EmailLayout.Button(links.Stop!, $"Stop nudging about {name}")));

        var text = new StringBuilder()
            .Append(EmailFormat.Greeting(user)).Append("\n\n")
            .Append(intro).Append("\n\n")
            .Append(idea).Append("\n\n");
        if (work.Count > 0)
        {
            text.Append("Their work:\n");
            foreach (var url in work)
            {
                text.Append("- ").Append(url.AbsoluteUri).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("Snooze a week: ").Append(links.Snooze!.AbsoluteUri).Append('\n')
            .Append("Stop nudging about ").Append(name).Append(": ").Append(links.Stop!.AbsoluteUri).Append("\n\n")
            .Append(EmailFooter.Text(productName, links));

        return new RenderedEmail(subject, EmailLayout.Page(subject, intro, html.ToString(), EmailFooter.Html(productName, links)), text.ToString());
    }
}

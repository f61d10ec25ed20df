using System.Text;
using MentorNudge.Core.Content.Drafts;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content.Emails;

/// <summary>The follow-up reminder: an ask went unanswered; here is a kind way to follow up.</summary>
internal static class FollowUpEmail
{
    public static RenderedEmail Render(User user, Person person, Ask ask, int step, string productName, ActionLinkSet links)
    {
        var zone = user.Settings.Zone;
        var name = EmailFormat.PersonName(person);
        var sentOn = EmailFormat.Date(ask.SentAt, zone);
        var subjectLine = SafeText.OneLine(ask.Subject, 80);
        var max = Math.Max(step, user.Settings.FollowUp.MaxFollowUps);
        var isLast = step >= user.Settings.FollowUp.MaxFollowUps;
        var draft = FollowUpDrafts.For(person, ask, step).Text;

        var subject = $"A kind follow-up with {name}";
        var intro = subjectLine.Length > 0
            ? $"You wrote to {name} on {sentOn} about \"{subjectLine}\" and haven't heard back yet."
            : $"You wrote to {name} on {sentOn} and haven't heard back yet.";
        const string reassurance = "That's normal: a non-response has many innocent reasons. A short, friendly follow-up that adds something usually helps.";
        var stepLine = $"Follow-up {step} of {max}.";
        var lastLine = isLast
            ? $"This is the last reminder for this ask. For the next four weeks, {productName} will suggest ways to add value for {name} instead of asking again."
            : null;

        var html = new StringBuilder()
            .Append(EmailLayout.Heading(subject))
            .Append(EmailLayout.Paragraph(SafeText.Html(EmailFormat.Greeting(user))))
            .Append(EmailLayout.Paragraph(SafeText.Html(intro + " " + reassurance)))
            .Append(EmailLayout.Paragraph(SafeText.Html(stepLine + (lastLine is null ? string.Empty : " " + lastLine))))
            .Append(EmailLayout.SubHeading("A message you could send"))
            .Append(EmailLayout.Quote(draft))
            .Append(EmailLayout.Paragraph("Fill in the parts in brackets, make it yours, and keep it short."))
            .Append(EmailLayout.Paragraph(
                EmailLayout.Button(links.Replied!, "They replied")
                + EmailLayout.Button(links.Snooze!, "Snooze a week")
                + EmailLayout.Button(links.Stop!, $"Stop nudging about {name}")))
            .ToString();

        var text = new StringBuilder()
            .Append(EmailFormat.Greeting(user)).Append("\n\n")
            .Append(intro).Append(' ').Append(reassurance).Append("\n\n")
            .Append(stepLine).Append(lastLine is null ? string.Empty : " " + lastLine).Append("\n\n")
            .Append("A message you could send:\n\n")
            .Append(draft).Append("\n\n")
            .Append("They replied: ").Append(links.Replied!.AbsoluteUri).Append('\n')
            .Append("Snooze a week: ").Append(links.Snooze!.AbsoluteUri).Append('\n')
            .Append("Stop nudging about ").Append(name).Append(": ").Append(links.Stop!.AbsoluteUri).Append("\n\n")
            .Append(EmailFooter.Text(productName, links))
            .ToString();

        return new RenderedEmail(subject, EmailLayout.Page(subject, intro, html, EmailFooter.Html(productName, links)), text);
    }
}

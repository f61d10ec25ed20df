using System.Text;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content.Emails;

/// <summary>The notice that the user's own address bounced and email is paused.</summary>
internal static class AddressBouncedEmail
{
    public static RenderedEmail Render(User user, Instant bouncedAt, string? detail, string productName)
    {
        var zone = user.Settings.Zone;
        var address = SafeText.OneLine(user.Email, 254);
        var subject = $"We couldn't deliver email to {address}";
        var what = $"Email from {productName} to {address} could not be delivered on {EmailFormat.Date(bouncedAt, zone)}.";
        var reason = SafeText.OneLine(detail, 300);
        var next = $"{productName} has paused email to this address; your reminders are still planned. Update your address in your profile (PUT /api/v1/me) to resume.";

        var html = new StringBuilder()
            .Append(EmailLayout.Heading(subject))
            .Append(EmailLayout.Paragraph(SafeText.Html(EmailFormat.Greeting(user))))
            .Append(EmailLayout.Paragraph(SafeText.Html(what)));
        if (reason.Length > 0)
        {
            html.Append(EmailLayout.Paragraph("The mail server said: " + SafeText.Html(reason)));
        }

        html.Append(EmailLayout.Paragraph(SafeText.Html(next)));

        var text = new StringBuilder()
            .Append(EmailFormat.Greeting(user)).Append("\n\n")
            .Append(what).Append("\n\n")
            .Append(reason.Length > 0 ? "The mail server said: " + reason + "\n\n" : string.Empty)
            .Append(next).Append('\n')
            .ToString();

        var footer = SafeText.Html($"This notice is about your {productName} account.");
        return new RenderedEmail(subject, EmailLayout.Page(subject, what, html.ToString(), footer), text);
    }
}

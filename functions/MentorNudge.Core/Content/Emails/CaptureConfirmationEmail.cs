using System.Text;
using MentorNudge.Core.Capture;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Emails;

/// <summary>
/// The short confirmation after an email BCC'd to the capture address was logged: for whom, the
/// follow-up dates in the user's local time, the coach's findings, who was skipped, and an undo
/// link. Everything taken from the email (subject, names, addresses) is escaped.
/// </summary>
public static class CaptureConfirmationEmail
{
    /// <summary>The value of <c>X-MentorNudge-Kind</c>.</summary>
    public const string Kind = "captureConfirmation";

    /// <summary>The confirmation to <paramref name="user"/> for one captured email.</summary>
    /// <param name="user">The user (recipient).</param>
    /// <param name="subject">The captured email's subject.</param>
    /// <param name="logged">What was logged.</param>
    /// <param name="skipped">Recipients for whom nothing was logged.</param>
    /// <param name="undo">The signed undo link.</param>
    /// <param name="productName">Product name for the footer.</param>
    /// <param name="messageKey">Idempotency key of the email (one confirmation per capture).</param>
    public static EmailMessage Compose(
        User user,
        string? subject,
        IReadOnlyList<CapturedOutreach> logged,
        IReadOnlyList<SkippedRecipient> skipped,
        Uri undo,
        string productName,
        string messageKey)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(logged);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(undo);
        var topic = SafeText.OneLine(subject, 100);
        var title = logged.Count == 0
            ? "Nothing was logged from your email"
            : $"Logged: {(topic.Length == 0 ? "your email" : topic)} ({EmailFormat.Plural(logged.Count, "person", "people")})";
        var html = new StringBuilder()
            .Append(EmailLayout.Heading(title))
            .Append(EmailLayout.Paragraph(SafeText.Html(EmailFormat.Greeting(user))));
        var text = new StringBuilder().Append(EmailFormat.Greeting(user)).Append("\n\n");
        if (logged.Count > 0)
        {
            const string Intro = "I logged this outreach and will remind you to follow up if nobody answers:";
            html.Append(EmailLayout.Paragraph(SafeText.Html(Intro))).Append(EmailLayout.List(logged.Select(Item)));
            text.Append(Intro).Append('\n');
            foreach (var o in logged)
            {
                text.Append("- ").Append(Who(o)).Append(": ").Append(Dates(o)).Append('\n');
                foreach (var f in o.Coach?.Findings ?? [])
                {
                    text.Append("  Coach: ").Append(f.Message).Append(' ').Append(f.Suggestion).Append('\n');
                }
            }

            text.Append('\n');
        }

        if (skipped.Count > 0)
        {
            var line = "Not logged: " + string.Join(", ", skipped.Select(s => $"{SafeText.OneLine(s.Address, 254)} ({Reason(s.Reason)})")) + ".";
            html.Append(EmailLayout.Paragraph(SafeText.Html(line)));
            text.Append(line).Append("\n\n");
        }

        if (logged.Count > 0)
        {
            html.Append(EmailLayout.Paragraph(EmailLayout.Link(undo, "Undo: remove what this email logged")));
            text.Append("Undo (removes what this email logged): ").Append(undo.AbsoluteUri).Append('\n');
        }

        var footer = SafeText.Html($"You BCC'd your {productName} capture address. Mail from other senders is ignored.");
        var body = EmailLayout.Page(title, title, html.ToString(), footer);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-MentorNudge-Nudge-Id"] = SafeText.RequireHeaderSafe(messageKey, "X-MentorNudge-Nudge-Id"),
            ["X-MentorNudge-Kind"] = Kind,
        };
        var toName = SafeText.OneLine(user.DisplayName, 80);
        return new EmailMessage(
            SafeText.RequireHeaderSafe(user.Email, "To"),
            toName.Length == 0 ? null : toName,
            SafeText.RequireHeaderSafe(SafeText.OneLine(title, 160), "Subject"),
            body,
            text.ToString(),
            headers,
            messageKey);
    }

    private static string Item(CapturedOutreach o)
    {
        var item = new StringBuilder()
            .Append("<strong>").Append(SafeText.Html(Who(o))).Append("</strong><br>")
            .Append(SafeText.Html(Dates(o)));
        foreach (var f in o.Coach?.Findings ?? [])
        {
            item.Append("<br><em>Coach:</em> ").Append(SafeText.Html(f.Message + " " + f.Suggestion));
        }

        return item.ToString();
    }

    private static string Who(CapturedOutreach o) =>
        $"{SafeText.OneLine(o.PersonName, 80)} <{SafeText.OneLine(o.Address, 254)}>{(o.CreatedPerson ? " (added to your people)" : "")}";

    private static string Dates(CapturedOutreach o) =>
        o.FollowUps.Count == 0
            ? "no follow-up planned"
            : "follow-up " + string.Join(", then ", o.FollowUps.Select(EmailFormat.DateTime));

    private static string Reason(string code) => code switch
    {
        "unknown-person" => "not one of your people; turn on creating people for your capture address to add them",
        "people-cap" => "your people limit is reached",
        "too-many-recipients" => "too many recipients",
        _ => "not a valid address",
    };
}

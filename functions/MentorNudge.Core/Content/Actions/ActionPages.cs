using MentorNudge.Core.Content.Emails;

namespace MentorNudge.Core.Content.Actions;

/// <summary>
/// The small HTML pages behind one-click links: a confirm page for GET (it changes nothing, so
/// link scanners that prefetch are harmless) whose button POSTs to the same URL, and a done page.
/// All text is escaped.
/// </summary>
public static class ActionPages
{
    /// <summary>The confirm page; <paramref name="postUrl"/> is the same action URL, posted by the button.</summary>
    /// <param name="action">The action the token carries.</param>
    /// <param name="personName">Who it is about, when known.</param>
    /// <param name="postUrl">Where the form posts (the action URL itself).</param>
    /// <param name="productName">Product name for the title.</param>
    public static string Confirm(ActionKind action, string? personName, Uri postUrl, string productName = "MentorNudge")
    {
        ArgumentNullException.ThrowIfNull(postUrl);
        var (question, button) = action switch
        {
            ActionKind.Replied => ($"Did {Who(personName)} reply? This cancels the follow-up reminders for that ask.", "Yes, they replied"),
            ActionKind.Snooze => ($"Snooze reminders about {Who(personName)} for one week?", "Snooze a week"),
            ActionKind.Stop => ($"Stop all reminders and prompts about {Who(personName)}?", "Stop nudging"),
            ActionKind.Unsubscribe => ("Unsubscribe from all emails? You can turn them back on in your settings.", "Unsubscribe"),
            ActionKind.Undo => ("Remove the outreach this email logged, and its follow-up reminders?", "Undo"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        var body = EmailLayout.Heading(productName)
            + EmailLayout.Paragraph(SafeText.Html(question))
            + $"<form method=\"post\" action=\"{SafeText.Html(postUrl.AbsoluteUri)}\">"
            + "<button type=\"submit\" style=\"padding:10px 16px;border:none;border-radius:6px;background-color:#4f46e5;color:#ffffff;font-weight:600;font-size:16px;\">"
            + SafeText.Html(button) + "</button></form>";
        return EmailLayout.Page(productName, question, body, SafeText.Html("Nothing changes until you press the button."));
    }

    /// <summary>The page shown after the action was applied (or the link was refused).</summary>
    public static string Done(ActionKind? action, string? personName, ActionTokenFailure failure = ActionTokenFailure.None, string productName = "MentorNudge")
    {
        var message = failure switch
        {
            ActionTokenFailure.Expired => "This link has expired. Open a newer email or use the app.",
            ActionTokenFailure.None => action switch
            {
                ActionKind.Replied => $"Great news. The follow-up reminders about {Who(personName)} are cancelled.",
                ActionKind.Snooze => $"Reminders about {Who(personName)} are snoozed for a week.",
                ActionKind.Stop => $"You won't get reminders or prompts about {Who(personName)} anymore.",
                ActionKind.Unsubscribe => "You are unsubscribed. No more emails will be sent.",
                ActionKind.Undo => "Undone. The outreach this email logged and its reminders are removed.",
                _ => "Done.",
            },
            _ => "This link is not valid.",
        };
        return EmailLayout.Page(productName, message, EmailLayout.Heading(productName) + EmailLayout.Paragraph(SafeText.Html(message)), string.Empty);
    }

    private static string Who(string? personName)
    {
        var name = SafeText.OneLine(personName, 80);
        return name.Length == 0 ? "this person" : name;
    }
}

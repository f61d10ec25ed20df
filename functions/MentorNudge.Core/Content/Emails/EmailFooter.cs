namespace MentorNudge.Core.Content.Emails;

/// <summary>The footer shared by nudge emails: why you get it, and the unsubscribe link.</summary>
internal static class EmailFooter
{
    public static string Html(string productName, ActionLinkSet links) =>
        $"You get this email because you use {SafeText.Html(productName)}. "
        + EmailLayout.Link(links.Unsubscribe, "Unsubscribe from all emails") + ".";

    public static string Text(string productName, ActionLinkSet links) =>
        $"--\nYou get this email because you use {productName}.\nUnsubscribe from all emails: {links.Unsubscribe.AbsoluteUri}\n";
}

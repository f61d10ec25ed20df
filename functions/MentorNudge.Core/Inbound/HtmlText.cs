using System.Net;
using System.Text.RegularExpressions;

namespace MentorNudge.Core.Inbound;

/// <summary>
/// Plain text from an HTML-only email: the quoted history containers mail clients add (Gmail's
/// <c>gmail_quote</c>, Outlook's <c>divRplyFwdMsg</c>/<c>appendonsend</c>, any <c>&lt;blockquote&gt;</c>)
/// are cut first, then block elements become line breaks, tags are dropped and entities decoded.
/// Not a renderer: enough to read and coach the words the user wrote.
/// </summary>
public static partial class HtmlText
{
    /// <summary>The readable text of <paramref name="html"/>, lines trimmed, at most one blank line in a row.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var body = html;
        var cut = HistoryStart().Match(body);
        if (cut.Success)
        {
            body = body[..cut.Index];
        }

        body = Invisible().Replace(body, " ");
        body = Whitespace().Replace(body, " ");
        body = LineBreak().Replace(body, "\n");
        body = BlockEnd().Replace(body, "\n");
        body = ListItem().Replace(body, "\n- ");
        body = Tag().Replace(body, "");
        body = WebUtility.HtmlDecode(body).Replace('\u00a0', ' ');
        var lines = body.Split('\n').Select(l => l.Trim());
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n").Trim('\n');
    }

    [GeneratedRegex(@"<(div|span)[^>]*\b(class=""?[^"">]*\bgmail_quote|id=""?(divRplyFwdMsg|appendonsend))|<blockquote\b|<hr[^>]*\bid=""?stopSpelling", RegexOptions.IgnoreCase, 500)]
    private static partial Regex HistoryStart();

    [GeneratedRegex(@"<(head|style|script|title)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline, 500)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"\s+", RegexOptions.None, 500)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase, 500)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(p|div|h[1-6]|tr|table|ul|ol)\s*>|<(p|div|h[1-6]|tr|table|ul|ol)\b[^>]*>", RegexOptions.IgnoreCase, 500)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase, 500)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 500)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}", RegexOptions.None, 500)]
    private static partial Regex BlankRuns();
}

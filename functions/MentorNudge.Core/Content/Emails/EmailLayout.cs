using System.Text;

namespace MentorNudge.Core.Content.Emails;

/// <summary>
/// The one HTML frame every email uses: a single column at most 600px wide, inline CSS only,
/// no images, fonts or other external resources, so it reads well on a phone and in any client.
/// Every fragment passed in is already escaped HTML; helpers here escape what they are given.
/// </summary>
internal static class EmailLayout
{
    private const string Font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";

    public static string Page(string title, string preheader, string bodyHtml, string footerHtml) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{SafeText.Html(title)}</title>
        </head>
        <body style="margin:0;padding:0;background-color:#f4f4f5;">
        <div style="display:none;max-height:0;overflow:hidden;">{SafeText.Html(preheader)}</div>
        <div style="max-width:600px;margin:0 auto;padding:24px 16px;background-color:#ffffff;{Font}font-size:16px;line-height:1.5;color:#1f2937;overflow-wrap:anywhere;word-break:break-word;">
        {bodyHtml}
        <hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0 12px 0;">
        <div style="font-size:13px;line-height:1.4;color:#6b7280;">{footerHtml}</div>
        </div>
        </body>
        </html>
        """;

    public static string Heading(string text) =>
        $"<h1 style=\"font-size:20px;line-height:1.3;margin:0 0 16px 0;\">{SafeText.Html(text)}</h1>";

    public static string SubHeading(string text) =>
        $"<h2 style=\"font-size:17px;line-height:1.3;margin:24px 0 8px 0;\">{SafeText.Html(text)}</h2>";

    /// <summary>A paragraph of already-escaped HTML.</summary>
    public static string Paragraph(string html) => $"<p style=\"margin:0 0 12px 0;\">{html}</p>";

    /// <summary>A quoted block of plain text (escaped here), line breaks kept.</summary>
    public static string Quote(string text) =>
        "<blockquote style=\"margin:0 0 16px 0;padding:12px 16px;border-left:4px solid #6366f1;background-color:#f5f5ff;\">"
        + SafeText.Html(text).Replace("\n", "<br>", StringComparison.Ordinal)
        + "</blockquote>";

    public static string Button(Uri url, string label) =>
        $"<a href=\"{SafeText.Html(url.AbsoluteUri)}\" style=\"display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;background-color:#4f46e5;color:#ffffff;text-decoration:none;font-weight:600;\">{SafeText.Html(label)}</a>";

    public static string Link(Uri url, string label) =>
        $"<a href=\"{SafeText.Html(url.AbsoluteUri)}\" style=\"color:#4f46e5;\">{SafeText.Html(label)}</a>";

    public static string List(IEnumerable<string> itemsHtml)
    {
        var builder = new StringBuilder("<ul style=\"margin:0 0 12px 0;padding-left:20px;\">");
        foreach (var item in itemsHtml)
        {
            builder.Append("<li style=\"margin:0 0 10px 0;\">").Append(item).Append("</li>");
        }

        return builder.Append("</ul>").ToString();
    }
}

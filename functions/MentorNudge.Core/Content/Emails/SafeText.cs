using System.Net;
using System.Text;

namespace MentorNudge.Core.Content.Emails;

/// <summary>
/// The only ways user-supplied text reaches an email: HTML-escaped for bodies, flattened to one
/// line for subjects and headers, and links limited to absolute http(s) URLs.
/// </summary>
internal static class SafeText
{
    /// <summary>HTML-escapes text for element content and quoted attribute values.</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>
    /// Makes user text safe inside a subject or header: CR, LF and other control characters become
    /// spaces (a name is never allowed to start a new header), runs of spaces collapse.
    /// </summary>
    public static string OneLine(string? text, int maxLength = 120)
    {
        var builder = new StringBuilder((text ?? string.Empty).Length);
        var lastWasSpace = false;
        foreach (var c in text ?? string.Empty)
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029';
            if (space)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            lastWasSpace = space;
        }

        var line = builder.ToString().Trim();
        return line.Length <= maxLength ? line : string.Concat(line.AsSpan(0, maxLength - 1).TrimEnd(), "…");
    }

    /// <summary>The link as an absolute http(s) URL, or null (javascript:, data:, relative and malformed links are dropped).</summary>
    public static Uri? Link(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate)
            || !Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        return uri;
    }

    /// <summary>Throws when a finished subject or header value could inject a header line.</summary>
    public static string RequireHeaderSafe(string value, string name)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0 || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The {name} header contains a line break.");
        }

        return value;
    }

    /// <summary>The first word of a name, for greetings ("Ada" from "Ada Lovelace").</summary>
    public static string FirstName(string? name)
    {
        var line = OneLine(name, 80);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var first = space > 0 ? line[..space] : line;
        // Titles such as "Dr." would read oddly and end a sentence early; use the whole name then.
        return first.EndsWith('.') ? line : (first.Length == 0 ? "there" : first);
    }
}

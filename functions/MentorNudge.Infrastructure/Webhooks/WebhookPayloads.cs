using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>The JSON bodies of outbound webhooks, one shape per <see cref="WebhookFormat"/>.</summary>
public static class WebhookPayloads
{
    /// <summary>The UTF-8 body for <paramref name="message"/> in <paramref name="format"/>.</summary>
    public static byte[] Render(WebhookDeliveryMessage message, WebhookFormat format, Instant now)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonNode body = format switch
        {
            WebhookFormat.Slack => Slack(message),
            WebhookFormat.Teams => Teams(message),
            _ => Generic(message, now),
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private static JsonObject Generic(WebhookDeliveryMessage m, Instant now) => new()
    {
        ["id"] = m.DeliveryId,
        ["type"] = m.Kind == WebhookTestSender.Kind ? "webhook.test" : "nudge.sent",
        ["occurredAt"] = InstantPattern.ExtendedIso.Format(now),
        ["data"] = new JsonObject
        {
            ["nudgeId"] = m.NudgeId,
            ["kind"] = m.Kind,
            ["personId"] = m.PersonId,
            ["personName"] = m.PersonName,
            ["dueAt"] = InstantPattern.ExtendedIso.Format(m.DueAt),
            ["title"] = m.Title,
            ["text"] = m.Text,
        },
    };

    // Slack incoming webhooks: "text" is the notification fallback, "blocks" the message.
    private static JsonObject Slack(WebhookDeliveryMessage m) => new()
    {
        ["text"] = SlackEscape(m.Title),
        ["blocks"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(m.Title, 150) },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(SlackEscape(m.Text), 3000) },
            },
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackEscape($"MentorNudge · {m.Kind} · {m.NudgeId}") } },
            },
        },
    };

    // Teams incoming webhooks accept the legacy MessageCard; its text is Markdown, so user text is escaped.
    private static JsonObject Teams(WebhookDeliveryMessage m) => new()
    {
        ["@type"] = "MessageCard",
        ["@context"] = "https://schema.org/extensions",
        ["summary"] = Truncate(m.Title, 150),
        ["themeColor"] = "2E7D32",
        ["title"] = MarkdownEscape(m.Title),
        ["text"] = MarkdownEscape(m.Text).Replace("\n", "\n\n", StringComparison.Ordinal),
    };

    private static string SlackEscape(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string MarkdownEscape(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '`' or '<' or '>')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

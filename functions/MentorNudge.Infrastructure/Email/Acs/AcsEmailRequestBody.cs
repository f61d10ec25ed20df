using System.Text.Json;
using MentorNudge.Core.Content;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>The JSON <c>EmailMessage</c> of the ACS Email REST API (2025-09-01).</summary>
internal static class AcsEmailRequestBody
{
    public static byte[] Serialize(EmailMessage message, string senderAddress, string? replyTo)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("senderAddress", senderAddress);

            json.WriteStartObject("recipients");
            json.WriteStartArray("to");
            WriteAddress(json, message.To, message.ToName);
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("content");
            json.WriteString("subject", message.Subject);
            json.WriteString("plainText", message.Text);
            json.WriteString("html", message.Html);
            json.WriteEndObject();

            if (message.Headers.Count > 0)
            {
                json.WriteStartObject("headers");
                foreach (var (name, value) in message.Headers)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            if (!string.IsNullOrWhiteSpace(replyTo))
            {
                json.WriteStartArray("replyTo");
                WriteAddress(json, replyTo, null);
                json.WriteEndArray();
            }

            // Reminders are personal: no open/click tracking pixels or rewritten links.
            json.WriteBoolean("userEngagementTrackingDisabled", true);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteAddress(Utf8JsonWriter json, string address, string? displayName)
    {
        json.WriteStartObject();
        json.WriteString("address", address);
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            json.WriteString("displayName", displayName);
        }

        json.WriteEndObject();
    }
}

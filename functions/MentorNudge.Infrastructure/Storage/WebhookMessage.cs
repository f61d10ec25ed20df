using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>The <c>webhooks</c> queue message: which user's webhook to call about which nudge and event.</summary>
public sealed record WebhookMessage(
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("n")] string NudgeId,
    [property: JsonPropertyName("e")] string Event)
{
    /// <summary>The event sent when a nudge went out.</summary>
    public const string NudgeSent = "nudge.sent";

    public string ToJson() => JsonSerializer.Serialize(this);

    public static WebhookMessage Parse(string json)
    {
        try
        {
            var message = JsonSerializer.Deserialize<WebhookMessage>(json);
            if (message is null || string.IsNullOrEmpty(message.UserId) || string.IsNullOrEmpty(message.NudgeId))
            {
                throw new FormatException("Not a webhook message.");
            }

            return message;
        }
        catch (JsonException e)
        {
            throw new FormatException("Not a webhook message.", e);
        }
    }
}

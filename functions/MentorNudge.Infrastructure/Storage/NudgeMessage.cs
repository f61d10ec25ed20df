using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// The <c>nudges</c> queue message: ids only (no personal data). <see cref="DueTicks"/> is the
/// nudge's due instant when it was enqueued, so a message for an old due instant is recognised.
/// </summary>
public sealed record NudgeMessage(
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("n")] string NudgeId,
    [property: JsonPropertyName("d")] long DueTicks)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Parses a message body; throws <see cref="FormatException"/> when it is not one.</summary>
    public static NudgeMessage Parse(string json)
    {
        try
        {
            var message = JsonSerializer.Deserialize<NudgeMessage>(json);
            if (message is null || string.IsNullOrEmpty(message.UserId) || string.IsNullOrEmpty(message.NudgeId))
            {
                throw new FormatException("Not a nudge message.");
            }

            return message;
        }
        catch (JsonException e)
        {
            throw new FormatException("Not a nudge message.", e);
        }
    }
}

using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Infrastructure.Email.DeliveryReports;

/// <summary>
/// Parses an Event Grid delivery (an array of events, or one event) carrying ACS email delivery
/// reports and the subscription validation handshake. Property names match case-insensitively.
/// </summary>
public static class EmailDeliveryReportParser
{
    public const string DeliveryReportEventType = "Microsoft.Communication.EmailDeliveryReportReceived";
    public const string SubscriptionValidationEventType = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>Parses the body; throws <see cref="FormatException"/> when it is not Event Grid JSON.</summary>
    public static EventGridEmailEvents Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException ex)
        {
            throw new FormatException("The body is not JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            IEnumerable<JsonElement> events = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                JsonValueKind.Object => [root],
                _ => throw new FormatException("An Event Grid delivery is an array of events."),
            };

            string? validationCode = null;
            var reports = new List<EmailDeliveryReport>();
            var ignored = 0;
            foreach (var e in events)
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    ignored++;
                    continue;
                }

                // Event Grid schema says eventType; CloudEvents says type.
                var type = String(e, "eventType") ?? String(e, "type");
                var data = Property(e, "data");
                if (string.Equals(type, SubscriptionValidationEventType, StringComparison.OrdinalIgnoreCase) && data is { } validation)
                {
                    validationCode ??= String(validation, "validationCode");
                }
                else if (string.Equals(type, DeliveryReportEventType, StringComparison.OrdinalIgnoreCase) && data is { } report && ReadReport(e, report) is { } parsed)
                {
                    reports.Add(parsed);
                }
                else
                {
                    ignored++;
                }
            }

            return new EventGridEmailEvents(validationCode, reports, ignored);
        }
    }

    /// <summary>Maps the service's status text to <see cref="EmailDeliveryStatus"/> (case-insensitive).</summary>
    public static EmailDeliveryStatus ParseStatus(string? status) =>
        Enum.TryParse<EmailDeliveryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : EmailDeliveryStatus.Unknown;

    private static EmailDeliveryReport? ReadReport(JsonElement e, JsonElement data)
    {
        var messageId = String(data, "messageId");
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return null;
        }

        var rawStatus = String(data, "status") ?? "";
        string? statusMessage = null;
        if (Property(data, "deliveryStatusDetails") is { ValueKind: JsonValueKind.Object } details)
        {
            statusMessage = String(details, "statusMessage");
        }

        Instant? attemptedAt = null;
        if (String(data, "deliveryAttemptTimeStamp") is { } stamp)
        {
            var result = InstantPattern.ExtendedIso.Parse(stamp);
            if (result.Success)
            {
                attemptedAt = result.Value;
            }
            else if (DateTimeOffset.TryParse(stamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dto))
            {
                attemptedAt = Instant.FromDateTimeOffset(dto);
            }
        }

        return new EmailDeliveryReport(
            String(e, "id"),
            messageId,
            String(data, "sender"),
            String(data, "recipient"),
            ParseStatus(rawStatus),
            rawStatus,
            statusMessage,
            attemptedAt);
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

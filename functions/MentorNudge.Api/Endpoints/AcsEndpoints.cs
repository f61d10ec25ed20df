using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentorNudge.Api.Http;
using MentorNudge.Api.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/hooks/acs</c>: Event Grid (Event Grid schema) delivering ACS email delivery reports.
/// Answers the subscription-validation handshake, then records each report against the nudge whose
/// operation id it names; reports for unknown operation ids are ignored, so an unauthenticated
/// caller can change nothing that MentorNudge did not send.
/// </summary>
internal static class AcsEndpoints
{
    public const string KeyHeader = "X-MentorNudge-Key";
    private const string ValidationEvent = "Microsoft.EventGrid.SubscriptionValidationEvent";
    private const string DeliveryReportEvent = "Microsoft.Communication.EmailDeliveryReportReceived";

    public static async Task<IResult> EventGrid(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.EventGridKey;
        if (!string.IsNullOrEmpty(expected))
        {
            var given = context.Request.Headers[KeyHeader].ToString();
            var ok = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
            if (!ok)
            {
                return ApiProblems.Unauthorized($"A valid {KeyHeader} header is required.");
            }
        }

        if (!RequestBody.IsJson(context.Request))
        {
            return ApiProblems.UnsupportedMediaType("application/json");
        }

        var (raw, error) = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        List<(string Type, JsonElement Data, string? EventTime)> events;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray().ToList() : [doc.RootElement];
            events = [];
            foreach (var item in items)
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                {
                    return ApiProblems.BadRequest("Expected Event Grid events with eventType and data.");
                }

                var time = item.TryGetProperty("eventTime", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                events.Add((type.GetString()!, data.Clone(), time));
            }
        }
        catch (JsonException)
        {
            return ApiProblems.BadRequest("The body is not well-formed JSON.");
        }

        var validation = events.FirstOrDefault(e => e.Type == ValidationEvent);
        if (validation.Type is not null)
        {
            return validation.Data.TryGetProperty("validationCode", out var code) && code.ValueKind == JsonValueKind.String
                ? Results.Json(new { validationResponse = code.GetString() }, ApiJson.Options)
                : ApiProblems.Field("data.validationCode", "Required.");
        }

        var backend = context.Backend();
        var now = context.Now();
        var recorded = 0;
        foreach (var (type, data, eventTime) in events.Where(e => e.Type == DeliveryReportEvent))
        {
            var operationId = Str(data, "messageId");
            var status = Str(data, "status");
            if (operationId is null || status is null || operationId.Length > 128 || status.Length > 64)
            {
                continue;
            }

            var at = Str(data, "deliveryAttemptTimeStamp") ?? eventTime;
            var when = at is not null && NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(at) is { Success: true } parsed ? parsed.Value.ToInstant() : now;
            if (await backend.RecordDeliveryReportAsync(operationId, status, when, context.RequestAborted))
            {
                recorded++;
            }
        }

        return Results.Json(new { received = events.Count, recorded }, ApiJson.Options);
    }

    private static string? Str(JsonElement data, string name) =>
        data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

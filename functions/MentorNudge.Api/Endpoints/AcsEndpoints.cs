using System.Security.Cryptography;
using System.Text;
using MentorNudge.Api.Http;
using MentorNudge.Api.Json;
using MentorNudge.Azure.Email.DeliveryReports;
using MentorNudge.Azure.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        EventGridEmailEvents events;
        try
        {
            events = EmailDeliveryReportParser.Parse(raw);
        }
        catch (FormatException)
        {
            return ApiProblems.BadRequest("Expected Event Grid events (an array of objects with eventType and data).");
        }

        if (events.ValidationCode is { } code)
        {
            return Results.Json(new { validationResponse = code }, ApiJson.Options);
        }

        var reports = context.Use<DeliveryReports>();
        var recorded = 0;
        foreach (var report in events.Reports)
        {
            if (report.OperationId.Length is 0 or > 128 || report.RawStatus.Length > 64)
            {
                continue;
            }

            if (await reports.RecordAsync(report, context.RequestAborted))
            {
                recorded++;
            }
        }

        return Results.Json(new { received = events.Reports.Count + events.IgnoredEvents, recorded }, ApiJson.Options);
    }
}

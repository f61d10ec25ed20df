using System.Security.Cryptography;
using System.Text;
using MentorNudge.Api.Http;
using MentorNudge.Api.Json;
using MentorNudge.Infrastructure.Email.DeliveryReports;
using MentorNudge.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/hooks/acs</c>: Event Grid (Event Grid schema) delivering ACS email delivery reports.
/// Every request needs the shared key (<c>MentorNudge:Api:EventGridKey</c>, header
/// <c>X-MentorNudge-Key</c>); without a configured key the hook refuses everything. It answers the
/// subscription-validation handshake, then records each report against the message whose operation
/// id it names, only when MentorNudge issued that id and the report's recipient is that message's.
/// </summary>
internal static class AcsEndpoints
{
    public const string KeyHeader = "X-MentorNudge-Key";

    public static async Task<IResult> EventGrid(HttpContext context)
    {
        // No key configured means nobody is trusted: the hook is closed, not open.
        var expected = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.EventGridKey;
        var given = context.Request.Headers[KeyHeader].ToString();
        if (string.IsNullOrEmpty(expected)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given))))
        {
            return ApiProblems.Unauthorized($"A valid {KeyHeader} header is required.");
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

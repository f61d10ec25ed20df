using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// BCC capture: <c>POST /api/v1/hooks/capture</c> (one hook for the whole inbound domain, signed with
/// the service's <c>MentorNudge:Capture:HookSecret</c>, body the raw RFC 822 message) and
/// <c>GET/PUT/POST /api/v1/me/capture-address</c> (show, set create-people, rotate). The signature
/// is checked on the raw bytes before anything is parsed or loaded.
/// </summary>
internal static class CaptureEndpoints
{
    /// <summary>Largest message accepted: 4 MB (the relay may strip attachments; only text is used).</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    public static async Task<IResult> Hook(HttpContext context)
    {
        var options = context.Use<IOptions<CaptureOptions>>().Value;
        if (string.IsNullOrEmpty(options.HookSecret))
        {
            return ApiProblems.Unauthorized($"A valid {WebhookSignature.HeaderName} header is required.");
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("message/rfc822", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedMediaType("message/rfc822");
        }

        var (raw, error) = await RequestBody.ReadBytesAsync(context.Request, MaxMessageBytes, context.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        var check = WebhookSignature.Verify(context.Request.Headers[WebhookSignature.HeaderName].ToString(), raw, options.HookSecret, context.Now());
        switch (check)
        {
            case WebhookSignatureResult.Valid:
                break;
            case WebhookSignatureResult.Stale:
                return ApiProblems.Unauthorized("The signature timestamp is more than 5 minutes off.");
            default:
                return ApiProblems.Unauthorized($"A valid {WebhookSignature.HeaderName} header is required.");
        }

        if (!options.Enabled)
        {
            return ApiProblems.NotFound("Capture is off: MentorNudge:Capture:InboundDomain is not set.");
        }

        CapturedEmail mail;
        try
        {
            mail = CapturedEmailParser.Parse(raw!);
        }
        catch (FormatException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }

        var result = await context.Use<CaptureLog>().LogAsync(mail, context.RequestAborted);
        if (result.Action == "pending")
        {
            return ApiProblems.Conflict("This message is being logged by another delivery; retry later.");
        }

        return EndpointContext.Json(new CaptureHookResponse(
            result.Action,
            result.Reason,
            result.CaptureId,
            result.Logged.Select(o => new CapturedOutreachResponse(o.PersonId, o.CreatedPerson, o.AskId, o.FollowUps.Select(f => f.ToOffsetDateTime()).ToList())).ToList(),
            result.Skipped.Select(s => new SkippedRecipientResponse(s.Address, s.Reason)).ToList()));
    }

    public static async Task<IResult> Get(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        return Answer(await context.Use<CaptureAddresses>().GetAsync(userId!, context.RequestAborted));
    }

    public static async Task<IResult> Rotate(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var address = await context.Use<CaptureAddresses>().RotateAsync(userId!, context.RequestAborted);
        return address is null ? Off() : Answer(address);
    }

    public static async Task<IResult> Put(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var (body, _, bodyError) = await RequestBody.ReadJsonAsync<CaptureSettingsRequest>(context.Request, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (body!.CreatePeople is not { } createPeople)
        {
            return ApiProblems.Field("createPeople", "Required: true or false.");
        }

        var address = await context.Use<CaptureAddresses>().SetCreatePeopleAsync(userId!, createPeople, context.RequestAborted);
        return address is null ? Off() : Answer(address);
    }

    private static IResult Answer(CaptureAddress? address) =>
        EndpointContext.Json(new CaptureAddressResponse(address is not null, address?.Address, address?.CreatePeople ?? false));

    private static IResult Off() => ApiProblems.NotFound("Capture is off on this deployment (MentorNudge:Capture:InboundDomain is not set).");
}

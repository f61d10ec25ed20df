using System.Security.Cryptography;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Api.Validation;
using MentorNudge.Core.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>/api/v1/me</c>: profile and settings, export, erase.</summary>
internal static class MeEndpoints
{
    public static async Task<IResult> Get(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        return error ?? EndpointContext.Json(ToResponse(user!, showSecret: false));
    }

    public static async Task<IResult> Put(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        if (error is not null)
        {
            return error;
        }

        var (request, _, bodyError) = await RequestBody.ReadJsonAsync<SettingsRequest>(context.Request, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (settings, errors) = RequestValidator.Settings(request!, user!.Settings.Webhook, NewSecret, context.RequestServices.GetRequiredService<NodaTime.IClock>());
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var updated = await context.Backend().UpdateUserAsync(user.Id, request!.Email!, request.DisplayName, settings!, request.Unsubscribed, context.RequestAborted);
        var secretIsNew = updated.Settings.Webhook is { } w && w.Secret != user.Settings.Webhook?.Secret;
        var inboundIsNew = updated.Settings.Webhook is { } v && v.InboundSecret != user.Settings.Webhook?.InboundSecret;
        return EndpointContext.Json(ToResponse(updated, showSecret: secretIsNew, showInboundSecret: inboundIsNew));
    }

    public static async Task<IResult> Export(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        if (error is not null)
        {
            return error;
        }

        var export = await context.Backend().ExportAsync(user!.Id, context.RequestAborted);
        return EndpointContext.Json(export);
    }

    public static async Task<IResult> Erase(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        if (error is not null)
        {
            return error;
        }

        await context.Backend().EraseAsync(user!.Id, context.RequestAborted);
        return Results.NoContent();
    }

    internal static MeResponse ToResponse(User user, bool showSecret, bool showInboundSecret = false)
    {
        var s = user.Settings;
        return new MeResponse(
            user.Id,
            user.Email,
            user.DisplayName,
            s.TimeZoneId,
            s.Country,
            s.WorkDays,
            s.ReminderTime,
            new WeeklyDigestRequest(s.WeeklyDigest.Day, s.WeeklyDigest.Time, s.WeeklyDigest.MaxPrompts, s.WeeklyDigest.Enabled),
            new FollowUpRequest(s.FollowUp.FirstAfterBusinessDays, s.FollowUp.ThenAfterBusinessDays, s.FollowUp.MaxFollowUps),
            s.VacationUntil,
            s.ExtraHolidays ?? [],
            s.Webhook is { } w ? new WebhookResponse(w.Url, w.Format, showSecret ? w.Secret : null, showInboundSecret ? w.InboundSecret : null) : null,
            user.Unsubscribed,
            user.EmailUndeliverable);
    }

    private static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

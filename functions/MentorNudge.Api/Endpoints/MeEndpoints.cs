using System.Security.Cryptography;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>/api/v1/me</c>: profile and settings, export, erase.</summary>
internal static class MeEndpoints
{
    public static async Task<IResult> Get(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        return error ?? EndpointContext.Json(ToResponse(await context.Use<Users>().GetAsync(userId!, context.RequestAborted), showSecret: false));
    }

    public static async Task<IResult> Put(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var (request, _, bodyError) = await RequestBody.ReadJsonAsync<SettingsRequest>(context.Request, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        // Decided on the stored user as loaded for the change: a PUT that leaves out the webhook
        // secret keeps the current one. Field errors come back as a ValidationFailedException (400).
        var clock = context.Use<IClock>();
        var (user, updated) = await context.Use<Users>().UpdateAsync(userId!, current =>
        {
            var (settings, errors) = RequestValidator.Settings(request!, current.Settings.Webhook, NewSecret, clock);
            return errors.Any
                ? throw new ValidationFailedException(errors.ToDictionary())
                : new UserUpdate(request!.Email!, settings!, request.DisplayName, request.Unsubscribed);
        }, context.RequestAborted);
        var secretIsNew = updated.Settings.Webhook is { } w && w.Secret != user.Settings.Webhook?.Secret;
        var inboundIsNew = updated.Settings.Webhook is { } v && v.InboundSecret != user.Settings.Webhook?.InboundSecret;
        return EndpointContext.Json(ToResponse(updated, showSecret: secretIsNew, showInboundSecret: inboundIsNew));
    }

    public static async Task<IResult> Export(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var export = await context.Use<Users>().ExportAsync(userId!, context.RequestAborted);
        return EndpointContext.Json(ExportDocument(export));
    }

    /// <summary>The export document (also the web app's download), in stable id order.</summary>
    internal static object ExportDocument(MentorNudge.Infrastructure.Pipeline.UserExport export) =>
        new
        {
            user = ToResponse(export.User, showSecret: false),
            people = export.People.OrderBy(p => p.Id, StringComparer.Ordinal).Select(PersonResponse.From),
            asks = export.Asks.OrderBy(a => a.Id, StringComparer.Ordinal).Select(AskResponse.From),
            interactions = export.Interactions.OrderBy(i => i.Id, StringComparer.Ordinal).Select(InteractionResponse.From),
            nudges = export.Nudges.OrderBy(n => n.NudgeId, StringComparer.Ordinal).Select(NudgeResponse.From),
        };

    public static async Task<IResult> Erase(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        await context.Use<Users>().EraseAsync(userId!, context.RequestAborted);
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

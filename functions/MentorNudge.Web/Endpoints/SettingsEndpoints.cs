using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MentorNudge.Api.Endpoints;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Json;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using MentorNudge.Web.Markup;
using MentorNudge.Web.Pages;
using MentorNudge.Web.SignIn;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Web.Endpoints;

/// <summary>Settings (validated by the same rules as <c>PUT /api/v1/me</c>), export and erase.</summary>
internal static class SettingsEndpoints
{
    public static Task<IResult> ShowAsync(WebRequest r) => RenderAsync(r);

    /// <summary>The settings page with its webhook and calendar sections (loaded unless given) and BCC capture.</summary>
    public static async Task<IResult> RenderAsync(WebRequest r, IReadOnlyDictionary<string, string[]>? errors = null, int status = StatusCodes.Status200OK, ConnectionsState? connections = null)
    {
        var frame = WeekEndpoints.Frame(r, "settings");
        var state = connections ?? await ConnectionEndpoints.LoadAsync(r);
        var capture = await r.Service<CaptureAddresses>().GetAsync(r.User!.Id, r.Aborted);
        var sections = Html.Join([ConnectionsSection.Render(frame, r.User!, state), CaptureSection.Render(frame, capture)]);
        return WebResults.Page(SettingsPage.Render(frame, r.User!, sections, errors), status);
    }

    public static async Task<IResult> SaveAsync(WebRequest r)
    {
        var user = r.User!;
        var form = await r.Form();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = new SettingsRequest(
            Text(form, "email"),
            Text(form, "displayName"),
            Text(form, "timeZone"),
            Text(form, "country")?.ToUpperInvariant(),
            form["workDays"].Select(d => Enum.TryParse<IsoDayOfWeek>(d, out var day) ? day : IsoDayOfWeek.None).ToList(),
            Time(form, "reminderTime", errors),
            new WeeklyDigestRequest(
                Enum.TryParse<IsoDayOfWeek>(Text(form, "digestDay"), out var digestDay) ? digestDay : IsoDayOfWeek.None,
                Time(form, "digestTime", errors),
                Number(form, "digestPrompts", errors),
                form["digestEnabled"] == "true"),
            new FollowUpRequest(Number(form, "firstAfter", errors), Number(form, "thenAfter", errors), Number(form, "maxFollowUps", errors)),
            Date(form, "vacationUntil", errors),
            user.Settings.ExtraHolidays?.ToList(),
            Text(form, "webhookUrl") is { } url
                ? new WebhookRequest(url, Enum.TryParse<WebhookFormat>(Text(form, "webhookFormat"), out var f) ? f : null, null)
                : null);
        var (settings, found) = RequestValidator.Settings(request, user.Settings.Webhook, NewSecret, r.Service<IClock>());
        foreach (var (k, v) in found.ToDictionary())
        {
            errors[k] = v;
        }

        if (errors.Count > 0 || settings is null)
        {
            return await RenderAsync(r, errors, StatusCodes.Status400BadRequest);
        }

        await r.Service<Users>().UpdateAsync(user.Id, request.Email!, settings, request.DisplayName, cancellationToken: r.Aborted);
        return WebResults.SeeOther(r, "settings", "saved");
    }

    /// <summary>The same document as <c>GET /api/v1/me/export</c>, as a download.</summary>
    public static async Task<IResult> ExportAsync(WebRequest r)
    {
        var export = await r.Service<Users>().ExportAsync(r.User!.Id, r.Aborted);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(MeEndpoints.ExportDocument(export), ApiJson.Options);
        return Results.File(bytes, "application/json", "mentornudge-export.json");
    }

    public static async Task<IResult> EraseAsync(WebRequest r)
    {
        if (!string.Equals((await r.Field("confirm"))?.Trim(), "erase", StringComparison.OrdinalIgnoreCase))
        {
            return await RenderAsync(r, new Dictionary<string, string[]> { ["confirm"] = ["Type erase to confirm."] }, StatusCodes.Status400BadRequest);
        }

        // Users.EraseAsync runs every IUserDataEraser, the web sign-in store's among them (its
        // sessions die first), so an erasure through the API forgets the same things.
        await r.Service<Users>().EraseAsync(r.User!.Id, r.Aborted);
        r.Context.Response.Cookies.Delete(WebRequest.SessionCookie, r.Cookie(null));
        return WebResults.SeeOther(r, "signin", "erased");
    }

    private static string? Text(IFormCollection form, string name) =>
        form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    private static LocalTime? Time(IFormCollection form, string name, Dictionary<string, string[]> errors)
    {
        var text = Text(form, name);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text);
        if (!parsed.Success)
        {
            parsed = LocalTimePattern.ExtendedIso.Parse(text);
        }

        if (parsed.Success)
        {
            return parsed.Value;
        }

        errors[name] = ["A time of day, e.g. 09:00."];
        return null;
    }

    private static LocalDate? Date(IFormCollection form, string name, Dictionary<string, string[]> errors)
    {
        var text = Text(form, name);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        errors[name] = ["A date, e.g. 2026-08-31."];
        return null;
    }

    private static int? Number(IFormCollection form, string name, Dictionary<string, string[]> errors)
    {
        var text = Text(form, name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors[name] = ["A whole number."];
        return null;
    }

    private static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

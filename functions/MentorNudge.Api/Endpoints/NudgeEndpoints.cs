using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>/api/v1/schedule</c> and <c>/api/v1/nudges</c>.</summary>
internal static class NudgeEndpoints
{
    private static readonly Duration DefaultWindow = Duration.FromDays(28);
    private static readonly Duration MaxWindow = Duration.FromDays(366);

    public static async Task<IResult> Upcoming(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var errors = new FieldErrors();
        var fromBound = ParseBound(context.Request.Query["from"], errors, "from");
        var toBound = ParseBound(context.Request.Query["to"], errors, "to");

        // A bare date in the query is a day in the user's zone: the user row is read only then.
        DateTimeZone? zone = null;
        if (fromBound.Date is not null || toBound.Date is not null)
        {
            zone = (await context.Use<Users>().GetAsync(userId!, context.RequestAborted)).Settings.Zone;
        }

        var from = fromBound.Resolve(zone) ?? context.Now();
        var to = toBound.Resolve(zone) ?? from + DefaultWindow;
        if (!errors.Any && to < from)
        {
            errors.Add("to", "Must not be before from.");
        }
        else if (!errors.Any && to - from > MaxWindow)
        {
            errors.Add("to", "The window is at most 366 days.");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var nudges = await context.Use<Schedule>().UpcomingAsync(userId!, from, to, context.RequestAborted);
        return EndpointContext.Json(nudges.Select(NudgeResponse.From).ToList());
    }

    public static async Task<IResult> History(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var nudges = await context.Use<Schedule>().HistoryAsync(userId!, context.RequestAborted);
        return EndpointContext.Json(nudges.Select(NudgeResponse.From).ToList());
    }

    public static async Task<IResult> WebhookDeliveries(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        return EndpointContext.Json(await context.Use<WebhookDeliveryLog>().ListAsync(userId!, context.RequestAborted));
    }

    // Accepts an instant with offset, or a date (the start of that day in the user's zone).
    // A "+" in a query string arrives as a space when not percent-encoded; put it back.
    private static Bound ParseBound(string? raw, FieldErrors errors, string field)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return default;
        }

        var text = raw.Replace(' ', '+');
        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } dateTime)
        {
            return new Bound(dateTime.Value.ToInstant(), null);
        }

        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            return new Bound(null, date.Value);
        }

        errors.Add(field, "An ISO-8601 date-time with offset, or a date.");
        return default;
    }

    private readonly record struct Bound(Instant? Instant, LocalDate? Date)
    {
        public Instant? Resolve(DateTimeZone? zone) =>
            Instant ?? (Date is { } d && zone is not null ? zone.AtStartOfDay(d).ToInstant() : null);
    }
}

using MentorNudge.Cli.Email;
using MentorNudge.Cli.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Cli.Admin;

/// <summary>
/// <c>GET|POST /api/v1/admin/clock</c>: read or move the virtual clock. Mapped only by
/// <c>serve --virtual-clock</c>; the Functions app has no such endpoint.
/// </summary>
public static class ClockEndpoints
{
    public const string Route = "/api/v1/admin/clock";

    public static IEndpointRouteBuilder MapVirtualClock(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, (HttpRequest request, VirtualClock clock, AdminKeyCheck admin) =>
            admin.IsAdmin(request)
                ? Results.Ok(new { now = Format(clock.GetCurrentInstant()) })
                : Unauthorized());

        endpoints.MapPost(Route, async (HttpRequest request, ClockRequest? body, VirtualClock clock, ClockAdvancer advancer, AdminKeyCheck admin, CancellationToken cancellationToken) =>
        {
            if (!admin.IsAdmin(request))
            {
                return Unauthorized();
            }

            var (target, field, error) = ClockTarget.Resolve(clock.GetCurrentInstant(), body?.AdvanceBy, body?.SetTo);
            if (target is null)
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { [field!] = [error!] },
                    title: "The clock cannot move there.");
            }

            var advance = await advancer.AdvanceToAsync(target.Value, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new
            {
                previous = Format(advance.From),
                now = Format(advance.To),
                steps = advance.Steps,
                sent = advance.Sent.Select(ToJson).ToList(),
            });
        });

        return endpoints;
    }

    private static object ToJson(SentMail mail) => new
    {
        nudgeId = mail.NudgeId,
        kind = mail.Kind,
        to = mail.To,
        subject = mail.Subject,
        sentAt = Format(mail.At),
        channel = mail.Channel,
        outcome = mail.Outcome,
    };

    private static IResult Unauthorized() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required", detail: $"Send the admin key in the {AdminKeyCheck.HeaderName} header.");

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}

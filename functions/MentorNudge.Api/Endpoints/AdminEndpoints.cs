using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>/api/v1/admin/…</c>: user creation and poison queues, behind <c>X-Admin-Key</c>.</summary>
internal static class AdminEndpoints
{
    /// <summary>The queues whose poison companions can be listed and replayed.</summary>
    public static IReadOnlySet<string> Queues { get; } = new HashSet<string>(StringComparer.Ordinal) { "nudges", "webhooks" };

    public static async Task<IResult> CreateUser(HttpContext context)
    {
        if (ApiAuth.Admin(context) is { } denied)
        {
            return denied;
        }

        var (request, _, bodyError) = await RequestBody.ReadJsonAsync<CreateUserRequest>(context.Request, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        // Parsing only: the rules are the Core's, the same the use case enforces.
        var errors = RequestValidator.CreateUser(request!, context.RequestServices.GetRequiredService<NodaTime.IClock>());
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var created = await context.Use<Users>().CreateAsync(request!.Email!, UserSettings.CreateDefault(request.TimeZone!, request.Country!), request.DisplayName, context.RequestAborted);
        return EndpointContext.Json(new CreatedUserResponse(created.UserId, created.Token), StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListPoison(HttpContext context)
    {
        if (ApiAuth.Admin(context) is { } denied)
        {
            return denied;
        }

        var queue = context.Request.RouteValues["queue"]?.ToString();
        if (queue is null || !Queues.Contains(queue))
        {
            return ApiProblems.NotFound("No such queue.");
        }

        return EndpointContext.Json(await context.Use<PoisonQueueService>().ListAsync(queue, cancellationToken: context.RequestAborted));
    }

    public static async Task<IResult> ReplayPoison(HttpContext context)
    {
        if (ApiAuth.Admin(context) is { } denied)
        {
            return denied;
        }

        var queue = context.Request.RouteValues["queue"]?.ToString();
        if (queue is null || !Queues.Contains(queue))
        {
            return ApiProblems.NotFound("No such queue.");
        }

        var replayed = await context.Use<PoisonQueueService>().ReplayAsync(queue, cancellationToken: context.RequestAborted);
        return EndpointContext.Json(new { queue, replayed });
    }
}

using MentorNudge.Api.Contracts;
using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>GET /api/health</c> and <c>GET /api/openapi.json</c>: no auth, no user data.</summary>
internal static class HealthEndpoints
{
    public static async Task<IResult> Get(HttpContext context)
    {
        var tick = (await context.Use<DispatchCheckpoint>().ReadAsync(context.RequestAborted)).LastTick;
        return EndpointContext.Json(new HealthResponse("ok", context.Now(), tick, context.Use<RunningConfiguration>()));
    }

    public static Task<IResult> OpenApi(HttpContext context) =>
        Task.FromResult(Results.Bytes(MentorNudge.Api.OpenApi.OpenApiDocument.Bytes, "application/json; charset=utf-8"));
}

using MentorNudge.Api.RateLimiting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace MentorNudge.Functions.Middleware;

/// <summary>
/// The local host's rate-limit policy in the Functions app: the same <see cref="ApiRateLimiter"/>
/// (same options, same 429 answer) applied to every HTTP-triggered invocation before the trigger runs.
/// </summary>
public sealed class RateLimitMiddleware(ApiRateLimiter limiter) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        using var lease = limiter.Acquire(http);
        if (!lease.IsAcquired)
        {
            await ApiRateLimiter.RejectAsync(http, lease);
            return;
        }

        await next(context);
    }
}

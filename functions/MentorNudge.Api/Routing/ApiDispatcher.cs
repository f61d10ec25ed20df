using System.Diagnostics;
using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Api.Routing;

/// <summary>
/// Runs a route group's handler for a request that a host has already routed to the group (a
/// Functions HTTP trigger). Fills the route values from the template so handlers read them the same
/// way in every host, and turns unexpected exceptions into a bare 500.
/// </summary>
/// <remarks>
/// Logs name the route template (<c>v1/actions/{token}</c>) and the request id, never the raw path:
/// paths hold action tokens and hook user ids.
/// </remarks>
public static class ApiDispatcher
{
    /// <summary>The log category of the API's request lines.</summary>
    public const string LogCategory = "MentorNudge.Api";

    public static async Task<IResult> DispatchAsync(string routeName, HttpContext context)
    {
        var route = ApiRoutes.Get(routeName);
        var values = new RouteValueDictionary();
        var matcher = new TemplateMatcher(TemplateParser.Parse("api/" + route.Template), new RouteValueDictionary());
        if (!matcher.TryMatch(context.Request.Path, values))
        {
            return ApiProblems.NotFound();
        }

        context.Request.RouteValues = values;
        if (!route.Handlers.TryGetValue(context.Request.Method, out var handler))
        {
            return ApiProblems.MethodNotAllowed();
        }

        return await RunAsync(route, handler, context);
    }

    /// <summary>Runs <paramref name="handler"/> of <paramref name="route"/>; the one place where domain
    /// exceptions become problem+json: not found → 404, invalid fields → 400, a cap reached or a
    /// concurrent change that outlived the retries → 409; anything else becomes a 500 without details
    /// (logged, never shown).</summary>
    public static async Task<IResult> RunAsync(ApiRoute route, ApiHandler handler, HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await RunCoreAsync(route, handler, context);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var logger = Logger(context);
        if (logger is not null)
        {
            // Successes at Debug: an access line per request would drown a busy host's logs.
            var level = status >= 500 ? LogLevel.Error : status >= 400 ? LogLevel.Information : LogLevel.Debug;
            logger.Log(
                level,
                "{Method} {RouteTemplate} answered {StatusCode} in {ElapsedMs} ms (request {RequestId})",
                context.Request.Method,
                route.Template,
                status,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                context.TraceIdentifier);
        }

        return result;
    }

    private static async Task<IResult> RunCoreAsync(ApiRoute route, ApiHandler handler, HttpContext context)
    {
        try
        {
            return await handler(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
        catch (NotFoundException ex)
        {
            // The type only ("No such person."): the id came from the caller and is not echoed.
            return ApiProblems.NotFound(ex.ResourceType is { } type ? $"No such {type}." : "Not found.");
        }
        catch (ValidationFailedException ex)
        {
            return ApiProblems.Validation(ex.Errors.ToDictionary(e => e.Key, e => e.Value));
        }
        catch (CapExceededException ex)
        {
            return ApiProblems.CapExceeded(ex);
        }
        catch (ConcurrencyConflictException)
        {
            return ApiProblems.Conflict("The data changed concurrently; retry the request.");
        }
        catch (Exception ex)
        {
            Logger(context)?.LogError(ex, "Unhandled error on {Method} {RouteTemplate} (request {RequestId})", context.Request.Method, route.Template, context.TraceIdentifier);
            return ApiProblems.Internal();
        }
    }

    private static ILogger? Logger(HttpContext context) =>
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LogCategory);
}

using MentorNudge.Api.Http;
using MentorNudge.Azure.Pipeline;
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
public static class ApiDispatcher
{
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

        return await RunAsync(handler, context);
    }

    /// <summary>
    /// Runs <paramref name="handler"/>. The one place where domain exceptions become problem+json:
    /// not found → 404, invalid fields → 400, a concurrent change that outlived the retries → 409;
    /// anything else becomes a 500 without details (logged, never shown).
    /// </summary>
    public static async Task<IResult> RunAsync(ApiHandler handler, HttpContext context)
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
        catch (ConcurrencyConflictException)
        {
            return ApiProblems.Conflict("The data changed concurrently; retry the request.");
        }
        catch (Exception ex)
        {
            var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("MentorNudge.Api");
            logger?.LogError(ex, "Unhandled error on {Method} {Route}", context.Request.Method, context.Request.Path.Value);
            return ApiProblems.Internal();
        }
    }
}

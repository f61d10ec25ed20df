using MentorNudge.Api.Http;
using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MentorNudge.Api;

/// <summary>Maps the API into an ASP.NET Core app (the local host).</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps every route of <see cref="ApiRoutes"/> under <c>/api/</c>.</summary>
    public static IEndpointRouteBuilder MapMentorNudgeApi(this IEndpointRouteBuilder app)
    {
        foreach (var route in ApiRoutes.All)
        {
            foreach (var (method, handler) in route.Handlers)
            {
                app.MapMethods("/api/" + route.Template, [method], async context =>
                {
                    var result = await ApiDispatcher.RunAsync(route, handler, context);
                    await result.ExecuteAsync(context);
                }).WithName(route.Name + "_" + method).WithMetadata(route);
            }
        }

        // Anything else under /api/ is a problem+json 404 too, not the server's bare one.
        app.MapFallback("/api/{**path}", context => ApiProblems.NotFound().ExecuteAsync(context));
        return app;
    }
}

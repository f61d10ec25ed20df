using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MentorNudge.Web;

/// <summary>Maps the web app into an ASP.NET Core app (the local host) at <see cref="WebApp.Root"/>.</summary>
public static class WebEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapMentorNudgeWeb(this IEndpointRouteBuilder app)
    {
        // "/app" and "/app/" both match the catch-all; the pages' relative links need the slash.
        app.MapMethods(WebApp.Root + "{**path}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], async context =>
        {
            if (context.Request.Path.Value is { } p && !p.EndsWith('/') && p.Length == WebApp.Root.Length - 1)
            {
                context.Response.Redirect(WebApp.Root);
                return;
            }

            var result = await WebApp.HandleAsync(context, WebApp.Root, context.Request.RouteValues["path"]?.ToString());
            await result.ExecuteAsync(context);
        });
        return app;
    }
}

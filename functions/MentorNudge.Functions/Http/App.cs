using MentorNudge.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>
/// The web app, one catch-all trigger at <c>/app/</c>, the same URL as the local host: host.json's route
/// prefix is empty and every API trigger spells out its <c>api/</c>. Behaviour lives in <see cref="WebApp"/>.
/// </summary>
public sealed class App
{
    [Function(nameof(App))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "app/{*path}")] HttpRequest request) =>
        new ApiActionResult(await WebApp.HandleAsync(request.HttpContext, WebApp.Root, PathBelowRoot(request)));

    // Read from the request rather than the route binding, so the page is the same whichever way the host passes route data.
    private static string PathBelowRoot(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return path.StartsWith(WebApp.Root, StringComparison.OrdinalIgnoreCase) ? path[WebApp.Root.Length..] : "";
    }
}

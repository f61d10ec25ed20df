using MentorNudge.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>
/// The web app, one catch-all trigger. The host's route prefix (<c>api</c>) puts it at <c>/api/app/</c>
/// here; the pages compute every link from that root. Behaviour lives in <see cref="WebApp"/>.
/// </summary>
public sealed class App
{
    /// <summary>The app's root path on the Functions host.</summary>
    public const string Root = "/api/app/";

    [Function(nameof(App))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "app/{*path}")] HttpRequest request,
        string? path) =>
        new ApiActionResult(await WebApp.HandleAsync(request.HttpContext, Root, path));
}

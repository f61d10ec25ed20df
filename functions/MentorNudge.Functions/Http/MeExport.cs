using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Everything stored about the user. Behaviour lives in the shared API handlers.</summary>
public sealed class MeExport
{
    [Function(nameof(MeExport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/me/export")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(MeExport), request.HttpContext));
}

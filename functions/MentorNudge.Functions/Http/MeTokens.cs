using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>The caller's API tokens: list and issue. Behaviour lives in the shared API handlers.</summary>
public sealed class MeTokens
{
    [Function(nameof(MeTokens))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "api/v1/me/tokens")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(MeTokens), request.HttpContext));
}

using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Coach feedback on an ask. Behaviour lives in the shared API handlers.</summary>
public sealed class Coach
{
    [Function(nameof(Coach))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/coach")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(Coach), request.HttpContext));
}

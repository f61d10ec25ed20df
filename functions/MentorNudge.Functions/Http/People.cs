using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Lists and adds people. Behaviour lives in the shared API handlers.</summary>
public sealed class People
{
    [Function(nameof(People))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "api/v1/people")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(People), request.HttpContext));
}

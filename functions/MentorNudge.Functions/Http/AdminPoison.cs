using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Lists a queue's poison messages (admin key). Behaviour lives in the shared API handlers.</summary>
public sealed class AdminPoison
{
    [Function(nameof(AdminPoison))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/poison/{queue}")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(AdminPoison), request.HttpContext));
}

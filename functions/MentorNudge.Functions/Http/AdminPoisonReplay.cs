using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Replays a queue's poison messages (admin key). Behaviour lives in the shared API handlers.</summary>
public sealed class AdminPoisonReplay
{
    [Function(nameof(AdminPoisonReplay))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/poison/{queue}/replay")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(AdminPoisonReplay), request.HttpContext));
}

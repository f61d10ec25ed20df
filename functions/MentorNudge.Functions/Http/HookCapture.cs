using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Raw emails BCC'd to capture addresses, posted by the inbound mail relay. Behaviour lives in the shared API handlers.</summary>
public sealed class HookCapture
{
    [Function(nameof(HookCapture))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/hooks/capture")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(HookCapture), request.HttpContext));
}

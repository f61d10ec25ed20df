using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Shows, configures or rotates the caller's BCC capture address. Behaviour lives in the shared API handlers.</summary>
public sealed class MeCaptureAddress
{
    [Function(nameof(MeCaptureAddress))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "post", Route = "api/v1/me/capture-address")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(MeCaptureAddress), request.HttpContext));
}

using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Signed inbound email (replies, out-of-office). Behaviour lives in the shared API handlers.</summary>
public sealed class HookInboundEmail
{
    [Function(nameof(HookInboundEmail))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/hooks/{userId}/inbound-email")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(HookInboundEmail), request.HttpContext));
}

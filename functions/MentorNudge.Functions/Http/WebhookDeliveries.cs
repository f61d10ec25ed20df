using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Outbound webhook deliveries. Behaviour lives in the shared API handlers.</summary>
public sealed class WebhookDeliveries
{
    [Function(nameof(WebhookDeliveries))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/webhooks/deliveries")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(WebhookDeliveries), request.HttpContext));
}

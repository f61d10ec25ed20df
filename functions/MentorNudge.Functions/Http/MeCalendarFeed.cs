using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Creates, rotates or revokes the caller's calendar feed. Behaviour lives in the shared API handlers.</summary>
public sealed class MeCalendarFeed
{
    [Function(nameof(MeCalendarFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = "api/v1/me/calendar-feed")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(MeCalendarFeed), request.HttpContext));
}

using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>A user's secret calendar feed (iCalendar). Behaviour lives in the shared API handlers.</summary>
public sealed class CalendarFeed
{
    [Function(nameof(CalendarFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/calendar/{feedToken}.ics")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(CalendarFeed), request.HttpContext));
}

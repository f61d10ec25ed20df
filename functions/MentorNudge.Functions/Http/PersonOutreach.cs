using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Logs an outreach and schedules its follow-ups. Behaviour lives in the shared API handlers.</summary>
public sealed class PersonOutreach
{
    [Function(nameof(PersonOutreach))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/people/{id}/outreach")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(PersonOutreach), request.HttpContext));
}

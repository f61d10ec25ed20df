using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Logs a reply and cancels pending follow-ups. Behaviour lives in the shared API handlers.</summary>
public sealed class PersonReplies
{
    [Function(nameof(PersonReplies))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/people/{id}/replies")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(PersonReplies), request.HttpContext));
}

using MentorNudge.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Http;

/// <summary>Admin: issues an API token for a user, or revokes all of them. Behaviour lives in the shared API handlers.</summary>
public sealed class AdminUserTokens
{
    [Function(nameof(AdminUserTokens))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = "api/v1/admin/users/{id}/tokens")] HttpRequest request) =>
        new ApiActionResult(await ApiDispatcher.DispatchAsync(nameof(AdminUserTokens), request.HttpContext));
}

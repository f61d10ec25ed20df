using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MentorNudge.Functions.Http;

/// <summary>Lets an HTTP trigger return the shared handlers' <see cref="IResult"/> through the Functions ASP.NET Core integration.</summary>
public sealed class ApiActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

using MentorNudge.Api.Json;
using MentorNudge.Api.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary>Small accessors the handlers share.</summary>
internal static class EndpointContext
{
    /// <summary>The use case (or adapter) <typeparamref name="T"/> the handler calls.</summary>
    public static T Use<T>(this HttpContext context)
        where T : notnull =>
        context.RequestServices.GetRequiredService<T>();

    public static Instant Now(this HttpContext context) => context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();

    /// <summary>A route value that looks like one of our ids, else null (answered as 404).</summary>
    public static string? RouteId(this HttpContext context, string name)
    {
        var value = context.Request.RouteValues[name]?.ToString();
        return RequestValidator.IsValidId(value) ? value : null;
    }

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, ApiJson.Options, contentType: "application/json; charset=utf-8", statusCode: status);
}

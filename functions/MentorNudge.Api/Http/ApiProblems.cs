using MentorNudge.Infrastructure.Limits;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Api.Http;

/// <summary>The problem+json (RFC 9457) answers of the API. None carries a stack trace or user content beyond field names.</summary>
public static class ApiProblems
{
    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request has invalid fields.", type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");

    public static IResult Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request.", detail: detail);

    public static IResult Unauthorized(string detail = "A valid bearer token is required.") =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.", detail: detail);

    public static IResult NotFound(string detail = "Not found.") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    public static IResult MethodNotAllowed() =>
        Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed.");

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail);

    /// <summary>409: a per-user cap is reached; <c>cap</c> and <c>limit</c> say which.</summary>
    public static IResult CapExceeded(CapExceededException ex) =>
        Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Limit reached.",
            detail: ex.Message,
            extensions: new Dictionary<string, object?> { ["cap"] = ex.Cap, ["limit"] = ex.Limit });

    /// <summary>429: over a rate limit; the caller also sets <c>Retry-After</c>.</summary>
    public static IResult TooManyRequests(int retryAfterSeconds) =>
        Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.", detail: $"Retry after {retryAfterSeconds} seconds.");

    public static IResult TooLarge(long limit) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large.", detail: $"The limit is {limit} bytes.");

    public static IResult UnsupportedMediaType(string expected) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.", detail: $"Send {expected}.");

    public static IResult Internal() =>
        Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong on our side.");
}

using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>POST /api/v1/coach</c>: feedback on an ask before it is sent. Writes nothing; an unknown person is a 404.</summary>
internal static class CoachEndpoints
{
    public static async Task<IResult> Coach(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var (request, _, bodyError) = await RequestBody.ReadJsonAsync<CoachRequest>(context.Request, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request!.Text))
        {
            errors.Add("text", "Required.");
        }

        RequestValidator.Text(errors, "text", request.Text, RequestValidator.MaxTextLength);
        if (request.PersonId is not null && !RequestValidator.IsValidId(request.PersonId))
        {
            errors.Add("personId", "Not a person id.");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var feedback = await context.Use<Outreach>().CoachAsync(userId!, request.Text!, request.PersonId, context.RequestAborted);
        return EndpointContext.Json(CoachResponse.From(feedback));
    }
}

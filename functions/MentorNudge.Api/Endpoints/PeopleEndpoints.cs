using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// <c>/api/v1/people</c>: people, and what happens with them (outreach, replies, interactions).
/// Each handler parses and checks the request, then makes one call on a use case; an unknown person
/// surfaces as <see cref="NotFoundException"/>, answered 404 by the dispatcher.
/// </summary>
internal static class PeopleEndpoints
{
    public static async Task<IResult> List(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var people = await context.Use<People>().ListAsync(userId!, context.RequestAborted);
        return EndpointContext.Json(people.Select(PersonResponse.From).ToList());
    }

    public static async Task<IResult> Add(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var (request, _, bodyError) = await RequestBody.ReadJsonAsync<PersonRequest>(context.Request, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (draft, errors) = RequestValidator.Person(request!);
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var person = await context.Use<People>().AddAsync(userId!, draft!, context.RequestAborted);
        return EndpointContext.Json(PersonResponse.From(person), StatusCodes.Status201Created);
    }

    public static async Task<IResult> Get(HttpContext context)
    {
        var (userId, id, error) = await ReadPersonRouteAsync(context);
        return error ?? EndpointContext.Json(PersonResponse.From(await context.Use<People>().GetAsync(userId, id, context.RequestAborted)));
    }

    public static async Task<IResult> Update(HttpContext context)
    {
        var (userId, id, request, error) = await ReadPersonRequestAsync<PersonRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var (draft, errors) = RequestValidator.Person(request!);
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var person = await context.Use<People>().UpdateAsync(userId, id, draft!, context.RequestAborted);
        return EndpointContext.Json(PersonResponse.From(person));
    }

    public static async Task<IResult> Delete(HttpContext context)
    {
        var (userId, id, error) = await ReadPersonRouteAsync(context);
        if (error is not null)
        {
            return error;
        }

        await context.Use<People>().DeleteAsync(userId, id, context.RequestAborted);
        return Results.NoContent();
    }

    public static async Task<IResult> LogOutreach(HttpContext context)
    {
        var (userId, id, request, error) = await ReadPersonRequestAsync<OutreachRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var errors = RequestValidator.Outreach(request!, context.Now());
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var result = await context.Use<Outreach>().LogAsync(userId, id, new OutreachDraft(request!.SentAt, request.Channel, request.Subject, request.Text), context.RequestAborted);
        var answer = new OutreachResponse(
            AskResponse.From(result.Ask),
            result.FollowUps.Select(NudgeResponse.From).ToList(),
            result.Coach is { } coach ? CoachResponse.From(coach) : null);
        return EndpointContext.Json(answer, StatusCodes.Status201Created);
    }

    public static async Task<IResult> LogReply(HttpContext context)
    {
        var (userId, id, request, error) = await ReadPersonRequestAsync<ReplyRequest>(context);
        if (error is not null)
        {
            return error;
        }

        if (request!.ReceivedAt is { } at && at > context.Now() + Duration.FromMinutes(5))
        {
            return ApiProblems.Field("receivedAt", "Must not be in the future.");
        }

        await context.Use<Interactions>().LogReplyAsync(userId, id, request.ReceivedAt, context.RequestAborted);
        return Results.NoContent();
    }

    public static async Task<IResult> LogInteraction(HttpContext context)
    {
        var (userId, id, request, error) = await ReadPersonRequestAsync<InteractionRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var errors = RequestValidator.Interaction(request!, context.Now());
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var interaction = await context.Use<Interactions>().LogAsync(userId, id, request!.Kind!.Value, request.At, request.Note, context.RequestAborted);
        return EndpointContext.Json(InteractionResponse.From(interaction), StatusCodes.Status201Created);
    }

    /// <summary>The caller and the person id from the route, or the answer to give instead (401, 404).</summary>
    private static async Task<(string UserId, string Id, IResult? Error)> ReadPersonRouteAsync(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return ("", "", error);
        }

        var id = context.RouteId("id");
        return id is null ? ("", "", ApiProblems.NotFound("No such person.")) : (userId!, id, null);
    }

    /// <summary>
    /// The caller, the person id from the route and the parsed body of a request about one person,
    /// or the answer to give instead (401, 404, 400, 413, 415). Nothing is read past the first failure.
    /// </summary>
    private static async Task<(string UserId, string Id, T? Request, IResult? Error)> ReadPersonRequestAsync<T>(HttpContext context)
        where T : class
    {
        var (userId, id, error) = await ReadPersonRouteAsync(context);
        if (error is not null)
        {
            return ("", "", default, error);
        }

        var (request, _, bodyError) = await RequestBody.ReadJsonAsync<T>(context.Request, context.RequestAborted);
        return (userId, id, request, bodyError);
    }
}

using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Api.Validation;
using MentorNudge.Core.Model;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>/api/v1/people</c>: people, and what happens with them (outreach, replies, interactions).</summary>
internal static class PeopleEndpoints
{
    public static async Task<IResult> List(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        if (error is not null)
        {
            return error;
        }

        var people = await context.Backend().ListPeopleAsync(user!.Id, context.RequestAborted);
        return EndpointContext.Json(people.Select(PersonResponse.From).ToList());
    }

    public static async Task<IResult> Add(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
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

        var person = await context.Backend().AddPersonAsync(user!.Id, draft!, context.RequestAborted);
        return Results.Json(PersonResponse.From(person), Json.ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> Get(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        if (error is not null)
        {
            return error;
        }

        var id = context.RouteId("id");
        var person = id is null ? null : await context.Backend().GetPersonAsync(user!.Id, id, context.RequestAborted);
        return person is null ? ApiProblems.NotFound("No such person.") : EndpointContext.Json(PersonResponse.From(person));
    }

    public static async Task<IResult> Update(HttpContext context)
    {
        var (user, id, request, error) = await ReadPersonRequestAsync<PersonRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var (draft, errors) = RequestValidator.Person(request!);
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var person = await context.Backend().UpdatePersonAsync(user!.Id, id, draft!, context.RequestAborted);
        return person is null ? ApiProblems.NotFound("No such person.") : EndpointContext.Json(PersonResponse.From(person));
    }

    public static async Task<IResult> Delete(HttpContext context)
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        if (error is not null)
        {
            return error;
        }

        var id = context.RouteId("id");
        var deleted = id is not null && await context.Backend().DeletePersonAsync(user!.Id, id, context.RequestAborted);
        return deleted ? Results.NoContent() : ApiProblems.NotFound("No such person.");
    }

    public static async Task<IResult> Outreach(HttpContext context)
    {
        var (user, id, request, error) = await ReadPersonRequestAsync<OutreachRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var errors = RequestValidator.Outreach(request!, context.Now());
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var backend = context.Backend();
        var person = await backend.GetPersonAsync(user!.Id, id, context.RequestAborted);
        if (person is null)
        {
            return ApiProblems.NotFound("No such person.");
        }

        var logged = await backend.LogOutreachAsync(user.Id, id, request!.SentAt, request.Channel, request.Subject, request.Text, context.RequestAborted);
        if (logged is not { } result)
        {
            return ApiProblems.NotFound("No such person.");
        }

        var zone = RequestValidator.Zone(user.Settings.TimeZoneId) ?? DateTimeZone.Utc;
        CoachResponse? coach = string.IsNullOrWhiteSpace(request.Text)
            ? null
            : await backend.CoachAsync(user.Id, request.Text, person.Id, context.RequestAborted);
        var answer = new OutreachResponse(AskResponse.From(result.Ask), result.FollowUps.Select(n => NudgeResponse.From(n, zone)).ToList(), coach);
        return Results.Json(answer, Json.ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> Reply(HttpContext context)
    {
        var (user, id, request, error) = await ReadPersonRequestAsync<ReplyRequest>(context);
        if (error is not null)
        {
            return error;
        }

        if (request!.ReceivedAt is { } at && at > context.Now() + Duration.FromMinutes(5))
        {
            return ApiProblems.Field("receivedAt", "Must not be in the future.");
        }

        var ok = await context.Backend().LogReplyAsync(user!.Id, id, request.ReceivedAt, context.RequestAborted);
        return ok ? Results.NoContent() : ApiProblems.NotFound("No such person.");
    }

    public static async Task<IResult> Interaction(HttpContext context)
    {
        var (user, id, request, error) = await ReadPersonRequestAsync<InteractionRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var errors = RequestValidator.Interaction(request!, context.Now());
        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var interaction = await context.Backend().LogInteractionAsync(user!.Id, id, request!.Kind!.Value, request.At, request.Note, context.RequestAborted);
        return interaction is null
            ? ApiProblems.NotFound("No such person.")
            : Results.Json(InteractionResponse.From(interaction), Json.ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// The caller, the person id from the route and the parsed body of a request about one person,
    /// or the answer to give instead (401, 404, 400, 413, 415). Nothing is read past the first failure.
    /// </summary>
    private static async Task<(User? User, string Id, T? Request, IResult? Error)> ReadPersonRequestAsync<T>(HttpContext context)
        where T : class
    {
        var (user, error) = await ApiAuth.UserAsync(context);
        if (error is not null)
        {
            return (null, "", default, error);
        }

        var id = context.RouteId("id");
        if (id is null)
        {
            return (null, "", default, ApiProblems.NotFound("No such person."));
        }

        var (request, _, bodyError) = await RequestBody.ReadJsonAsync<T>(context.Request, context.RequestAborted);
        return (user, id, request, bodyError);
    }
}

using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.Tokens;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary><c>/api/v1/me/tokens</c>: list, issue and revoke the caller's API tokens; the admin's revoke-all and issue.</summary>
internal static class MeTokensEndpoints
{
    /// <summary>The longest lifetime a token may be given; a token without expiry is still allowed.</summary>
    public static readonly Duration MaxLifetime = Duration.FromDays(2 * 366);

    public static async Task<IResult> List(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var tokens = await Tokens(context).ListAsync(userId!, context.RequestAborted);
        return EndpointContext.Json(tokens.Select(TokenResponse.From).ToList());
    }

    public static async Task<IResult> Create(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        return error ?? await IssueAsync(context, userId!);
    }

    /// <summary>The admin's way back in for a user whose tokens were all revoked: issues one (shown once).</summary>
    public static async Task<IResult> IssueForUser(HttpContext context)
    {
        if (ApiAuth.Admin(context) is { } denied)
        {
            return denied;
        }

        var id = context.RouteId("id");
        return id is null ? ApiProblems.NotFound("No such user.") : await IssueAsync(context, id);
    }

    private static async Task<IResult> IssueAsync(HttpContext context, string userId)
    {
        // The body is optional: no body (and no content type) issues a token that never expires.
        Instant? expiresAt = null;
        if (context.Request.ContentLength is not 0 && (context.Request.ContentLength is not null || context.Request.ContentType is not null))
        {
            var (request, _, bodyError) = await RequestBody.ReadJsonAsync<CreateTokenRequest>(context.Request, context.RequestAborted);
            if (bodyError is not null)
            {
                return bodyError;
            }

            expiresAt = request!.ExpiresAt;
        }

        var now = context.Now();
        if (expiresAt is { } expiry && (expiry <= now || expiry - now > MaxLifetime))
        {
            return ApiProblems.Field("expiresAt", "Must be in the future and at most two years away.");
        }

        var (token, secret) = await Tokens(context).IssueAsync(userId, expiresAt, context.RequestAborted);
        return EndpointContext.Json(new CreatedTokenResponse(token.Id, secret, token.CreatedAt, token.ExpiresAt), StatusCodes.Status201Created);
    }

    public static async Task<IResult> Revoke(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        var id = context.RouteId("id");
        var revoked = id is not null && await Tokens(context).RevokeAsync(userId!, id, context.RequestAborted);
        return revoked ? Results.NoContent() : ApiProblems.NotFound("No such token.");
    }

    /// <summary><c>DELETE /api/v1/admin/users/{id}/tokens</c>: revokes every token of a user (a leaked token, a compromised account).</summary>
    public static async Task<IResult> RevokeAllOfUser(HttpContext context)
    {
        if (ApiAuth.Admin(context) is { } denied)
        {
            return denied;
        }

        var id = context.RouteId("id");
        var revoked = id is null ? null : await Tokens(context).RevokeAllAsync(id, context.RequestAborted);
        return revoked is { } count ? EndpointContext.Json(new { userId = id, revoked = count }) : ApiProblems.NotFound("No such user.");
    }

    private static ApiTokenService Tokens(HttpContext context) => context.Use<ApiTokenService>();
}

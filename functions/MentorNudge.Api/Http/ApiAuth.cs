using System.Security.Cryptography;
using System.Text;
using MentorNudge.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorNudge.Api.Http;

/// <summary>Bearer tokens for users, the admin key for admins.</summary>
public static class ApiAuth
{
    public const string AdminKeyHeader = "X-Admin-Key";

    private const int MaxTokenLength = 512;

    /// <summary>
    /// The calling user's id, or a 401 answer. One point read of the token row: the handler then
    /// loads what it needs of the user's data once.
    /// </summary>
    public static async Task<(string? UserId, IResult? Error)> UserIdAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblems.Unauthorized());
        }

        var token = header[scheme.Length..].Trim();
        if (token.Length is 0 or > MaxTokenLength)
        {
            return (null, ApiProblems.Unauthorized());
        }

        var userId = await context.RequestServices.GetRequiredService<Users>().AuthenticateAsync(token, context.RequestAborted);
        return userId is null ? (null, ApiProblems.Unauthorized()) : (userId, null);
    }

    /// <summary>Null when <c>X-Admin-Key</c> matches the configured key (compared in constant time), else a 401 answer.</summary>
    public static IResult? Admin(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.AdminKey;
        var given = context.Request.Headers[AdminKeyHeader].ToString();
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(given))
        {
            return ApiProblems.Unauthorized("A valid admin key is required.");
        }

        // Hash both sides first so the comparison takes the same time whatever the lengths.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return CryptographicOperations.FixedTimeEquals(a, b) ? null : ApiProblems.Unauthorized("A valid admin key is required.");
    }
}

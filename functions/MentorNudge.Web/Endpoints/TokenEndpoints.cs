using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Tokens;
using MentorNudge.Web.Pages;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Web.Endpoints;

/// <summary>Settings → API tokens: list, create (the secret shown once, on the answer page), revoke; through <see cref="ApiTokenService"/> like <c>/api/v1/me/tokens</c>.</summary>
internal static class TokenEndpoints
{
    public static async Task<IResult> ShowAsync(WebRequest r, string? secret = null, IReadOnlyDictionary<string, string[]>? errors = null, int status = StatusCodes.Status200OK)
    {
        var tokens = await r.Service<ApiTokenService>().ListAsync(r.User!.Id, r.Aborted);
        return WebResults.Page(TokensPage.Render(WeekEndpoints.Frame(r, "settings"), r.User!, tokens, secret, errors), status);
    }

    public static async Task<IResult> CreateAsync(WebRequest r)
    {
        Instant? expires = null;
        if (await r.Field("expires") is { Length: > 0 } text)
        {
            var parsed = LocalDatePattern.Iso.Parse(text.Trim());
            var zone = r.User!.Settings.Zone;
            if (!parsed.Success || parsed.Value.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() <= r.Now)
            {
                return await ShowAsync(r, errors: new Dictionary<string, string[]> { ["expires"] = ["A future date, e.g. 2027-01-31, or empty for no expiry."] }, status: StatusCodes.Status400BadRequest);
            }

            expires = parsed.Value.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        }

        try
        {
            var (_, secret) = await r.Service<ApiTokenService>().IssueAsync(r.User!.Id, expires, r.Aborted);
            return await ShowAsync(r, secret);
        }
        catch (CapExceededException e)
        {
            return await ShowAsync(r, errors: new Dictionary<string, string[]> { ["tokens"] = [e.Message] }, status: StatusCodes.Status400BadRequest);
        }
    }

    public static async Task<IResult> RevokeAsync(WebRequest r, string tokenId) =>
        await r.Service<ApiTokenService>().RevokeAsync(r.User!.Id, tokenId, r.Aborted)
            ? WebResults.SeeOther(r, "settings/tokens", "revoked")
            : WebResults.NotFound(r);
}

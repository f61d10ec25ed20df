using MentorNudge.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// Applies an inbound event at most once without losing it: the id is remembered first (a replay
/// is refused), and forgotten again when applying fails, so the sender's retry is applied instead of
/// being answered 409. The change itself is one atomic write of the user's partition, so a failure
/// means nothing of it was stored.
/// </summary>
internal static class InboundEventOnce
{
    /// <summary>False when <paramref name="eventId"/> was applied before; exceptions of <paramref name="apply"/> propagate.</summary>
    public static async Task<bool> ApplyAsync(HttpContext context, string userId, string eventId, Func<Task> apply)
    {
        var events = context.RequestServices.GetRequiredService<WebhookEventLog>();
        if (!await events.TryRememberAsync(userId, eventId, context.RequestAborted))
        {
            return false;
        }

        try
        {
            await apply();
            return true;
        }
        catch (Exception applyError)
        {
            try
            {
                // Not the request's token: a caller that went away must not leave the id remembered.
                await events.ForgetAsync(userId, eventId, CancellationToken.None);
            }
            catch (Exception forgetError) when (forgetError is not OperationCanceledException)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InboundEventOnce))
                    .LogError(forgetError, "Could not forget inbound event of user {UserId} after a failed apply ({ApplyError})", userId, applyError.GetType().Name);
            }

            throw;
        }
    }
}

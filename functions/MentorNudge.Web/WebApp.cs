using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Web.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Web;

/// <summary>
/// The web app, mounted by a host at a root path (<c>/app/</c> on both hosts): routes a request
/// below the root to its page or action. Every answer carries the security headers; every POST
/// must carry the CSRF token; every page but sign-in and the assets needs a session.
/// </summary>
public static class WebApp
{
    /// <summary>Where both hosts mount the app.</summary>
    public const string Root = "/app/";

    /// <summary>Handles <paramref name="path"/> (below <paramref name="root"/>, no leading slash).</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, string root, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        WebResults.AddSecurityHeaders(context.Response);
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var r = new WebRequest(context, root, segments);
        try
        {
            return await RouteAsync(r);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
        catch (InvalidDataException) when (context.Request.HasFormContentType)
        {
            // A multipart body past the upload limit (see WebRequest.LimitBody) without a declared length.
            return WebResults.TooLarge();
        }
        catch (NotFoundException)
        {
            return WebResults.NotFound(r);
        }
        catch (Exception ex)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("MentorNudge.Web")
                .LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            return Results.Text("Something went wrong on our side. Try again in a moment.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<IResult> RouteAsync(WebRequest r)
    {
        var s = r.Segments;
        var method = r.Context.Request.Method;
        if (s is ["assets", var file] && HttpMethods.IsGet(method))
        {
            return AssetEndpoints.Get(r, file);
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !r.IsPost)
        {
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }

        if (r.IsPost && !r.LimitBody(PeopleImportEndpoints.MaxRequestBytes))
        {
            return WebResults.TooLarge();
        }

        await r.LoadSessionAsync();
        if (r.IsPost && !await r.CsrfValidAsync())
        {
            return WebResults.Forbidden();
        }

        if (s is ["signin", ..])
        {
            return await SignInEndpoints.HandleAsync(r);
        }

        if (r.User is null)
        {
            return s is ["signout"] ? WebResults.SeeOther(r, "signin") : WebResults.SeeOther(r, "signin");
        }

        return s switch
        {
            [] when !r.IsPost => await WeekEndpoints.WeekAsync(r),
            ["week", var personId, var action] when r.IsPost => await WeekEndpoints.PromptAsync(r, personId, action),
            ["schedule"] when !r.IsPost => await WeekEndpoints.ScheduleAsync(r),
            ["coach"] when r.IsPost => await PersonEndpoints.CoachAsync(r),
            ["people"] => r.IsPost ? await PersonEndpoints.AddAsync(r) : await PersonEndpoints.ListAsync(r),
            ["people", "import"] => r.IsPost ? await PeopleImportEndpoints.ImportAsync(r) : PeopleImportEndpoints.Show(r),
            ["people", var id] when !r.IsPost => await PersonEndpoints.ShowAsync(r, id),
            ["people", var id, var action] when r.IsPost => await PersonEndpoints.ActAsync(r, id, action),
            ["settings"] => r.IsPost ? await SettingsEndpoints.SaveAsync(r) : await SettingsEndpoints.ShowAsync(r),
            ["settings", "export"] when !r.IsPost => await SettingsEndpoints.ExportAsync(r),
            ["settings", "erase"] when r.IsPost => await SettingsEndpoints.EraseAsync(r),
            ["settings", "webhook", "test"] when r.IsPost => await ConnectionEndpoints.TestWebhookAsync(r),
            ["settings", "calendar-feed"] when r.IsPost => await ConnectionEndpoints.RotateFeedAsync(r),
            ["settings", "calendar-feed", "revoke"] when r.IsPost => await ConnectionEndpoints.RevokeFeedAsync(r),
            ["settings", "capture-address"] when r.IsPost => await CaptureAddressEndpoints.RotateAsync(r),
            ["settings", "capture-address", "create-people"] when r.IsPost => await CaptureAddressEndpoints.SetCreatePeopleAsync(r),
            ["settings", "tokens"] => r.IsPost ? await TokenEndpoints.CreateAsync(r) : await TokenEndpoints.ShowAsync(r),
            ["settings", "tokens", var tokenId, "revoke"] when r.IsPost => await TokenEndpoints.RevokeAsync(r, tokenId),
            ["signout"] when r.IsPost => await SignInEndpoints.SignOutAsync(r, everywhere: false),
            ["signout-everywhere"] when r.IsPost => await SignInEndpoints.SignOutAsync(r, everywhere: true),
            _ => WebResults.NotFound(r),
        };
    }
}

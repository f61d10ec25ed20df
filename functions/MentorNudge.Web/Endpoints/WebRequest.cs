using System.Security.Cryptography;
using System.Text;
using MentorNudge.Core.Model;
using MentorNudge.Web.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MentorNudge.Web.Endpoints;

/// <summary>
/// One request to the web app: where the app is mounted (<see cref="Root"/>, e.g. <c>/app/</c>),
/// the signed-in session and user when there is one, the form, and the CSRF check every state
/// change goes through.
/// </summary>
internal sealed class WebRequest(HttpContext context, string root, string[] segments)
{
    public const string SessionCookie = "mn_session";
    public const string AnonymousCsrfCookie = "mn_csrf";
    public const string CsrfField = "csrf";
    public const string CsrfHeader = "X-CSRF-Token";

    public HttpContext Context { get; } = context;

    /// <summary>The app's root path with a trailing slash, e.g. <c>/app/</c>.</summary>
    public string Root { get; } = root;

    /// <summary>The path below the root, split on '/'.</summary>
    public string[] Segments { get; } = segments;

    public WebSession? Session { get; private set; }

    public User? User { get; private set; }

    public string? SessionCookieValue => Context.Request.Cookies[SessionCookie];

    public CancellationToken Aborted => Context.RequestAborted;

    public bool IsPost => HttpMethods.IsPost(Context.Request.Method);

    public T Service<T>()
        where T : notnull => Context.RequestServices.GetRequiredService<T>();

    public Instant Now => Service<IClock>().GetCurrentInstant();

    /// <summary>The app's absolute root URL (for links in emails).</summary>
    public Uri AbsoluteRoot
    {
        get
        {
            var configured = Context.RequestServices.GetService<MentorNudge.Core.Content.ContentOptions>()?.PublicBaseUrl;
            var origin = configured?.GetLeftPart(UriPartial.Authority) ?? $"{Context.Request.Scheme}://{Context.Request.Host}";
            return new Uri(origin + Root);
        }
    }

    /// <summary>Loopback hosts are plain http in development; everywhere else cookies are Secure.</summary>
    public bool IsLocal => Context.Request.Host.Host is "localhost" or "127.0.0.1" or "[::1]";

    public async Task LoadSessionAsync()
    {
        var signIn = Service<SignInService>();
        Session = await signIn.FindSessionAsync(SessionCookieValue, Aborted);
        if (Session is null)
        {
            return;
        }

        User = await Service<MentorNudge.Infrastructure.UseCases.Users>().FindAsync(Session.UserId, Aborted);
        if (User is null)
        {
            Session = null;
        }
    }

    /// <summary>The CSRF token to put in forms: the session's, else the anonymous double-submit cookie (set here when missing).</summary>
    public string CsrfToken()
    {
        if (Session is not null)
        {
            return Session.CsrfToken;
        }

        var existing = Context.Request.Cookies[AnonymousCsrfCookie];
        if (existing is { Length: >= 16 and <= 100 })
        {
            return existing;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        Context.Response.Cookies.Append(AnonymousCsrfCookie, token, Cookie(expires: null));
        Context.Items[AnonymousCsrfCookie] = token;
        return token;
    }

    /// <summary>True when the POST carries the right CSRF token (form field or header).</summary>
    public async Task<bool> CsrfValidAsync()
    {
        var expected = Session?.CsrfToken ?? Context.Request.Cookies[AnonymousCsrfCookie];
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        string? given = Context.Request.Headers[CsrfHeader];
        if (string.IsNullOrEmpty(given) && Context.Request.HasFormContentType)
        {
            given = (await Form()).TryGetValue(CsrfField, out var v) ? v.ToString() : null;
        }

        return given is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }

    /// <summary>
    /// Caps the body of a POST at <paramref name="maxBytes"/> (only the import upload comes near it):
    /// false when the declared length is over; a multipart body read past it throws
    /// <see cref="InvalidDataException"/> (answered 413).
    /// </summary>
    public bool LimitBody(long maxBytes)
    {
        if (Context.Request.ContentLength > maxBytes)
        {
            return false;
        }

        if (Context.Request.HasFormContentType && Context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            && Context.Features.Get<IFormFeature>()?.Form is null)
        {
            Context.Features.Set<IFormFeature>(new FormFeature(Context.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
        }

        return true;
    }

    public async Task<IFormCollection> Form() =>
        Context.Request.HasFormContentType ? await Context.Request.ReadFormAsync(Aborted) : FormCollection.Empty;

    public async Task<string?> Field(string name)
    {
        var form = await Form();
        return form.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    public CookieOptions Cookie(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = !IsLocal,
        SameSite = SameSiteMode.Strict,
        // The whole host, not just the app: a one-click email link (/api/v1/actions/) lands a signed-in owner on the app.
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}

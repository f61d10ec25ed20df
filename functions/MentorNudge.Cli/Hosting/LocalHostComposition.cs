using MentorNudge.Api;
using MentorNudge.Api.RateLimiting;
using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Cli.Pipeline;
using MentorNudge.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// The local host's composition root, as FunctionsAppComposition is the Functions app's: the
/// shared services (storage, pipeline, email, API, web app), configured for this machine. Configuration keeps the usual
/// precedence (appsettings.json, then environment variables); the command line wins over both.
/// </summary>
public static class LocalHostComposition
{
    /// <summary>The capture domain of the local host unless configured (<c>.localhost</c> is reserved: no real mail arrives).</summary>
    public const string LocalCaptureDomain = "capture.localhost";

    /// <summary>Registers the shared services with the local host's settings.</summary>
    /// <param name="builder">The local host's builder.</param>
    /// <param name="options">The command's options.</param>
    /// <param name="settings">Values the host resolved at start (storage, keys, URLs).</param>
    public static void Add(WebApplicationBuilder builder, ServeOptions options, LocalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = builder.Configuration;
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = settings.StorageConnectionString,
            ["App:PublicBaseUrl"] = settings.PublicBaseUrl.ToString(),
            ["Email:Outbox:Folder"] = settings.OutboxFolder,
        };

        // The admin key the host resolved (the option, else the generated local key).
        overrides["MentorNudge:Api:AdminKey"] = settings.AdminKey;
        if (string.IsNullOrWhiteSpace(configuration["Security:ActionSigningKey"]))
        {
            overrides["Security:ActionSigningKey"] = settings.ActionSigningKey;
        }

        // The ACS hook refuses everything without a key: the local host has one of its own.
        if (string.IsNullOrWhiteSpace(configuration["MentorNudge:Api:EventGridKey"]))
        {
            overrides["MentorNudge:Api:EventGridKey"] = settings.EventGridKey;
        }

        // BCC capture works locally out of the box: a reserved domain no real mail reaches (post raw
        // messages to the hook yourself) and a hook secret kept in the data folder.
        if (string.IsNullOrWhiteSpace(configuration["MentorNudge:Capture:InboundDomain"]))
        {
            overrides["MentorNudge:Capture:InboundDomain"] = LocalCaptureDomain;
        }

        if (string.IsNullOrWhiteSpace(configuration["MentorNudge:Capture:HookSecret"]))
        {
            overrides["MentorNudge:Capture:HookSecret"] = LocalSecrets.LoadOrCreate(options.DataFolder, LocalSecrets.CaptureHookSecretFile, "mnc_").Value;
        }

        if (!string.IsNullOrWhiteSpace(options.EmailProvider))
        {
            overrides["Email:Provider"] = options.EmailProvider;
        }

        // One person alone can start on their own machine: self sign-up is on locally unless configured.
        if (string.IsNullOrWhiteSpace(configuration[WebOptions.SectionName + ":SelfSignUp"]))
        {
            overrides[WebOptions.SectionName + ":SelfSignUp"] = "true";
        }

        configuration.AddInMemoryCollection(overrides);
        var services = builder.Services;
        services.AddMentorNudge(configuration);
        services.AddMentorNudgeApi(configuration);
        services.AddMentorNudgeWeb(configuration);

        // The outbox is a folder, not a service with a quota: pacing it would only delay local
        // runs (and, on a virtual clock, push sends past the instant they belong to).
        if (EmailProvider(configuration) == "outbox")
        {
            services.RemoveAll<ISendQuota>();
            services.AddSingleton<ISendQuota, UnlimitedSendQuota>();
        }

        services.AddSingleton<ILocalPipeline, TriggerWork>();
    }

    /// <summary>The email provider in effect: <c>Email:Provider</c>, default outbox.</summary>
    public static string EmailProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Email:Provider"]?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(provider) ? "outbox" : provider;
    }

    /// <summary>Maps the rate limits, the API handlers under <c>/api/</c> and the web app under <c>/app/</c>, exactly as the Functions app serves them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMentorNudgeRateLimits();
        app.MapMentorNudgeApi();
        app.MapMentorNudgeWeb();
    }
}

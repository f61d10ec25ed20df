using MentorNudge.Api;
using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Functions.Middleware;
using Microsoft.Extensions.Hosting;
using MentorNudge.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Functions;

/// <summary>The Function App's composition root, called by Program.cs and by the tests that build the same app.</summary>
public static class FunctionsAppComposition
{
    /// <summary>The provider whose default filter rule keeps only warnings (added by the Application Insights logger).</summary>
    public const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// ASP.NET Core integration, Application Insights (Information logs included), the real clock,
    /// the one Azure credential, the shared services, the HTTP API and the web app.
    /// </summary>
    public static FunctionsApplicationBuilder AddMentorNudgeFunctionsApp(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();

        // Per-token and per-address rate limits on every HTTP trigger: the local host's policy and options.
        builder.UseMiddleware<RateLimitMiddleware>();

        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        // The Application Insights logger adds a rule that keeps only Warning and above; without
        // removing it the app's Information lines (dispatch ticks, sends) never reach the portal.
        // host.json / Logging settings still decide the levels.
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });

        // The real clock, registered once for the whole app; everything else takes IClock.
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);

        // One credential for every Azure client (AZURE_CLIENT_ID picks the user-assigned identity).
        builder.Services.AddMentorNudgeAzureCredential(builder.Configuration);

        // The shared composition root (storage, pipeline, email adapters, content), then the HTTP API and webhooks, then the web app.
        builder.Services.AddMentorNudge(builder.Configuration);
        builder.Services.AddMentorNudgeApi(builder.Configuration);
        builder.Services.AddMentorNudgeWeb(builder.Configuration);

        // The queue triggers' names are constants; a setting that moved the queues would strand them.
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, TriggerQueueNamesValidator>();
        return builder;
    }
}

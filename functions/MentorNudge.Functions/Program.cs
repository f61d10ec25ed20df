using MentorNudge.Api;
using MentorNudge.Azure.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The real clock, registered once for the whole app; everything else takes IClock.
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddMentorNudgeApi(builder.Configuration);
builder.Services.AddMentorNudgeWebhooks();

builder.Build().Run();

using MentorNudge.Api;
using MentorNudge.Azure.DependencyInjection;
using MentorNudge.Functions.Middleware;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Per-token and per-address rate limits on every HTTP trigger: the local host's policy and options.
builder.UseMiddleware<RateLimitMiddleware>();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The real clock, registered once for the whole app; everything else takes IClock.
builder.Services.AddSingleton<IClock>(SystemClock.Instance);

// The shared composition root (storage, pipeline, email adapters, content), then the HTTP API and webhooks.
builder.Services.AddMentorNudge(builder.Configuration);
builder.Services.AddMentorNudgeApi(builder.Configuration);

builder.Build().Run();

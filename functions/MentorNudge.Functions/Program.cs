using MentorNudge.Api;
using MentorNudge.Azure.DependencyInjection;
using MentorNudge.Web;
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

// The shared composition root (storage, pipeline, email adapters, content), then the HTTP API and webhooks, then the web app.
builder.Services.AddMentorNudge(builder.Configuration);
builder.Services.AddMentorNudgeApi(builder.Configuration);
builder.Services.AddMentorNudgeWeb(builder.Configuration);

builder.Build().Run();

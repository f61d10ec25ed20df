using MentorNudge.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Api.Tests.Infrastructure;

/// <summary>The API mapped with <c>MapMentorNudgeApi</c> on a TestServer, as the local host maps it.</summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789";

    public const string EventGridKey = "test-event-grid-key-0123456789";

    private readonly WebApplication _app;

    private ApiTestHost(WebApplication app, FakeClock clock)
    {
        _app = app;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public FakeClock Clock { get; }

    public IServiceProvider Services => _app.Services;

    public IEnumerable<EndpointDataSource> EndpointSources => _app.Services.GetServices<EndpointDataSource>();

    public static async Task<ApiTestHost> StartAsync(Action<IServiceCollection, FakeClock> configure, Instant? start = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var clock = new FakeClock(start ?? Instant.FromUtc(2026, 11, 25, 12, 0));
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddMentorNudgeApi(builder.Configuration);
        builder.Services.Configure<ApiOptions>(o =>
        {
            o.AdminKey = AdminKey;
            o.EventGridKey = EventGridKey;
        });
        configure(builder.Services, clock);
        var app = builder.Build();
        app.MapMentorNudgeApi();
        await app.StartAsync();
        return new ApiTestHost(app, clock);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

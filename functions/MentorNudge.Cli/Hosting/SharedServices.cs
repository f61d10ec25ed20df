using Microsoft.AspNetCore.Builder;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// The one place the local host plugs in the shared composition root of the Functions app
/// (storage, pipeline, email, API), configured for this machine.
/// </summary>
public static class SharedServices
{
    public static void Add(WebApplicationBuilder builder, ServeOptions options, LocalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        throw new LocalHostException("This build of mentornudge does not include the service pipeline yet.");
    }

    public static void Map(WebApplication app) => ArgumentNullException.ThrowIfNull(app);
}

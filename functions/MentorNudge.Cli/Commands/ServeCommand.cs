using System.CommandLine;
using System.CommandLine.Parsing;
using MentorNudge.Cli.Admin;
using MentorNudge.Cli.Hosting;
using MentorNudge.Cli.Time;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Cli.Commands;

/// <summary><c>mentornudge serve</c>: the API, the dispatcher and the queue workers on this machine.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "HTTP port on localhost (0 picks a free one).",
            DefaultValueFactory = _ => ServeOptions.DefaultPort,
        };
        port.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        var data = new Option<string>("--data")
        {
            Description = "Folder for Azurite's data, the outbox and the admin key.",
            DefaultValueFactory = _ => ServeOptions.DefaultDataFolder,
        };
        var outbox = new Option<string?>("--outbox") { Description = "Folder the outbox writes .eml files to (default <data>/outbox)." };
        var storage = new Option<string?>("--storage")
        {
            Description = $"Azure Storage connection string (also ${LocalStorage.StorageEnvironmentVariable}); default: an Azurite started here.",
        };
        var adminKey = new Option<string?>("--admin-key") { Description = "Admin key for X-Admin-Key (default: generated once, kept in the data folder)." };
        var emailProvider = new Option<string?>("--email-provider")
        {
            Description = "outbox, smtp or acs (default: Email:Provider from appsettings.json/environment, else outbox).",
        };
        emailProvider.AcceptOnlyFromAmong("outbox", "smtp", "acs");
        var virtualClock = new Option<bool>("--virtual-clock")
        {
            Description = $"Time stands still and moves only through POST {ClockEndpoints.Route} (admin key).",
        };
        var start = new Option<Instant?>("--start")
        {
            Description = "Start of the virtual clock, an ISO instant such as 2026-03-06T10:00:00Z (default: now).",
            CustomParser = ParseInstant,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Log warnings and errors only." };

        var command = new Command("serve", "Run the whole service on this machine: the API, the dispatcher (every minute) and the queue workers.")
        {
            port, data, outbox, storage, adminKey, emailProvider, virtualClock, start, quiet,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(start) is { Implicit: false } && !result.GetValue(virtualClock))
            {
                result.AddError("--start needs --virtual-clock.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServeOptions(
                Port: parse.GetValue(port),
                DataFolder: parse.GetValue(data) ?? ServeOptions.DefaultDataFolder,
                Outbox: parse.GetValue(outbox),
                Storage: parse.GetValue(storage),
                AdminKey: parse.GetValue(adminKey),
                VirtualClock: parse.GetValue(virtualClock),
                Start: parse.GetValue(start),
                EmailProvider: parse.GetValue(emailProvider),
                Quiet: parse.GetValue(quiet));
            return await RunAsync(options, parse.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static Instant? ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var parsed = ClockTarget.ParseInstant(text);
        if (parsed is null)
        {
            result.AddError($"'{text}' is not an ISO instant such as 2026-03-06T10:00:00Z.");
        }

        return parsed;
    }

    private static string AdminKeyOrigin(ServeOptions options, LocalHost host) =>
        options.AdminKey is { Length: > 0 }
            ? "given with --admin-key"
            : $"a local development key, {(host.AdminKeyGenerated ? "generated now and " : "")}kept in {Path.Combine(Path.GetFullPath(options.DataFolder), LocalSecrets.AdminKeyFile)}";

    private static async Task<int> RunAsync(ServeOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var host = await LocalHost.StartAsync(options, output, cancellationToken).ConfigureAwait(false);
        var api = new Uri(host.BaseAddress, "api/");
        await output.WriteLineAsync($"""

            MentorNudge is running.
              API        {api}v1   (health: {api}health)
              Admin key  {host.AdminKey}   (send it as {AdminKeyCheck.HeaderName}; {AdminKeyOrigin(options, host)})
              ACS hook   key kept in {Path.Combine(Path.GetFullPath(options.DataFolder), LocalSecrets.EventGridKeyFile)} (send it as X-MentorNudge-Key, unless MentorNudge:Api:EventGridKey is set)
              Email      {(host.EmailChannel == "outbox" ? $"outbox {host.OutboxFolder} (open index.html)" : host.EmailChannel)}
              Storage    {host.StorageDescription}
              Clock      {(host.VirtualClock is { } clock ? $"virtual, now {InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant())}; move it with POST {api}v1/admin/clock" : "system")}
            Press Ctrl+C to stop.

            """).ConfigureAwait(false);

        // Ctrl+C (or SIGTERM) stops the host; hosted services finish in-flight work first.
        await host.App.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        _ = cancellationToken;
        await output.WriteLineAsync("Stopped.").ConfigureAwait(false);
        return 0;
    }
}

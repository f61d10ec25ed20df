using System.CommandLine;
using MentorNudge.Cli.Demo;
using NodaTime;

namespace MentorNudge.Cli.Commands;

/// <summary><c>mentornudge demo</c>: a sample user and people through several weeks of the real pipeline.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var weeks = new Option<int>("--weeks", "-w") { Description = "How many weeks to run through.", DefaultValueFactory = _ => 6 };
        weeks.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 104)
            {
                result.AddError("--weeks must be between 1 and 104.");
            }
        });
        var outbox = new Option<string>("--outbox") { Description = "Where the demo's emails go.", DefaultValueFactory = _ => Path.Combine("outbox", "demo") };
        var start = new Option<Instant?>("--start")
        {
            Description = "Where the virtual clock starts, an ISO instant (default 2026-03-16T09:30:00Z, a Monday before the UK clock change and Easter).",
            CustomParser = ServeCommand.ParseInstant,
        };
        var command = new Command("demo", "Create a sample user and five people, log outreaches, and run the real pipeline (Azurite, dispatcher, queue workers, outbox) through several weeks on a virtual clock.")
        {
            weeks, outbox, start,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                await new DemoScenario(output).RunAsync(parse.GetValue(weeks), parse.GetValue(outbox)!, parse.GetValue(start), cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is DemoException or InvalidOperationException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("mentornudge demo failed: " + ex.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}

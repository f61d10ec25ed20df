using System.CommandLine;

namespace MentorNudge.Cli.Commands;

/// <summary><c>mentornudge demo</c>: a sample user and people through several weeks of the real pipeline.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var weeks = new Option<int>("--weeks", "-w") { Description = "How many weeks to run through.", DefaultValueFactory = _ => 6 };
        var outbox = new Option<string>("--outbox") { Description = "Where the demo's emails go.", DefaultValueFactory = _ => Path.Combine("outbox", "demo") };
        var command = new Command("demo", "Create a sample user and five people, log outreaches, and run the real pipeline through several weeks on a virtual clock.")
        {
            weeks, outbox,
        };
        command.SetAction((parse, _) =>
        {
            parse.InvocationConfiguration.Error.WriteLine("mentornudge demo: not available in this build yet.");
            return Task.FromResult(1);
        });
        return command;
    }
}

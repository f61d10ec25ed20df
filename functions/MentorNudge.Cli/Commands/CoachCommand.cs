using System.CommandLine;

namespace MentorNudge.Cli.Commands;

/// <summary><c>mentornudge coach</c>: the ask coach, offline.</summary>
public static class CoachCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The ask to review; '-' reads it from standard input." };
        var connection = new Option<string>("--connection", "-c")
        {
            Description = "How you know them: existing or admired.",
            DefaultValueFactory = _ => "existing",
        };
        connection.AcceptOnlyFromAmong("existing", "admired");
        var json = new Option<bool>("--json") { Description = "Print { score, findings: [{ code, message, suggestion }], rewrite } as JSON." };
        var command = new Command("coach", "Review an ask before you send it: a score, what to fix, and a suggested rewrite. Offline.")
        {
            text, connection, json,
        };
        command.SetAction((parse, _) =>
        {
            parse.InvocationConfiguration.Error.WriteLine("mentornudge coach: not available in this build yet.");
            return Task.FromResult(1);
        });
        return command;
    }
}

using System.CommandLine;
using MentorNudge.Cli.Commands;
using MentorNudge.Cli.Hosting;

var root = new RootCommand("mentornudge: cultivate mentors and sponsors. Run the whole service locally, a demo, the ask coach, or import your network.")
{
    ServeCommand.Create(),
    DemoCommand.Create(),
    CoachCommand.Create(),
    ImportCommand.Create(),
};

var configuration = new InvocationConfiguration
{
    // serve's web host handles Ctrl+C itself and finishes in-flight work before exiting.
    ProcessTerminationTimeout = null,
    EnableDefaultExceptionHandler = false,
};

try
{
    return await root.Parse(args).InvokeAsync(configuration).ConfigureAwait(false);
}
catch (LocalHostException ex)
{
    await Console.Error.WriteLineAsync("mentornudge: " + ex.Message).ConfigureAwait(false);
    return 2;
}

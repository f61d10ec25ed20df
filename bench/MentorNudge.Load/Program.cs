using System.Globalization;
using MentorNudge.Load;
using MentorNudge.Load.Infrastructure;
using MentorNudge.Load.Report;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var arguments = new Arguments(args);
var command = arguments.Positional.FirstOrDefault() ?? "run";
switch (command)
{
    case "run":
        return await LoadRun.RunAsync(arguments);
    case "memory-host":
        return await MentorNudge.Load.Scenarios.ServeMemory.HostAsync(arguments);
    case "figure":
        {
            // Lets bench/run-all add a figure measured by another tool (P4, P6) to the results.
            var figure = new Figure(
                arguments.Required("id"),
                arguments.Required("name"),
                arguments.Required("goal"),
                arguments.Required("measured"),
                arguments.Required("ratio"),
                arguments.Get("met", "") switch { "true" => true, "false" => false, _ => null },
                arguments.Required("command"),
                arguments.Get("notes", ""));
            new RunResults(null, null, [figure]).Save(Path.Combine(arguments.Get("out", "artifacts/bench"), figure.Id + ".json"));
            return 0;
        }

    case "import-bdn":
        {
            var figure = BenchmarkDotNetImport.Read(
                arguments.Required("folder"),
                arguments.Required("method"),
                arguments.Required("id"),
                arguments.Required("name"),
                double.Parse(arguments.Required("goal-seconds"), CultureInfo.InvariantCulture),
                arguments.Required("command"),
                arguments.Get("notes", ""));
            new RunResults(null, null, [figure]).Save(Path.Combine(arguments.Get("out", "artifacts/bench"), figure.Id + ".json"));
            Console.WriteLine($"{figure.Id}: {figure.Measured}");
            return 0;
        }

    case "report":
        {
            var run = RunResults.Merge(arguments.Get("in", "artifacts/bench"));
            Console.WriteLine(PerformanceDoc.Table(run.Figures));
            if (arguments.Has("doc"))
            {
                PerformanceDoc.Write(arguments.Required("doc"), run);
                Console.WriteLine($"wrote {arguments.Required("doc")}");
            }

            return 0;
        }

    default:
        Console.Error.WriteLine("usage: MentorNudge.Load run [--quick] [--only P1,P2,P3,P5,M1] [--out dir] | figure --id .. | report [--in dir] [--doc docs/performance.md]");
        return 2;
}

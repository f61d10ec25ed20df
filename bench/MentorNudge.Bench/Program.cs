using BenchmarkDotNet.Running;
using MentorNudge.Bench;

// End-to-end modes run as plain console programs; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "pacing")
{
    return await PacingBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "dispatcher")
{
    return await MentorNudge.Bench.Pipeline.DispatcherScalingBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(PacingBenchmark).Assembly).Run(args);
return 0;

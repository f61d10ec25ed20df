using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using MentorNudge.Load.Infrastructure;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// M1: peak working set of a process hosting the MentorNudge service container
/// (<c>AddMentorNudge</c>) over storage holding <c>users</c> users with <c>peoplePerUser</c> people
/// each. The rows are bulk-written (one transaction per user partition); then a child process
/// (<c>memory-host</c>) builds the container and works: loads a sample of users, lists their people,
/// logs an outreach for each, reads their schedules, runs a dispatcher tick, and reports its peak
/// working set (VmHWM). Azurite's resident set, which holds the data in memory, is reported beside it.
/// </summary>
internal static class ServeMemory
{
    public const string Prefix = "pmem";

    public static async Task<MemoryResult> RunAsync(StorageHost host, int users, int peoplePerUser, string work)
    {
        await using var stack = await MentorNudgeStack.StartAsync(host.ConnectionString, Prefix, BenchUsers.Start, withAcs: false);
        var load = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, users).Select(u =>
        {
            var userId = $"u{u:D6}";
            var user = new User(userId, $"user{u}@bench.mentornudge.test", BenchUsers.Settings(u), BenchUsers.Start, $"Bench User {u}");
            var rows = new List<TableEntity> { EntityMapper.FromUser(user) };
            rows.AddRange(Enumerable.Range(0, peoplePerUser).Select(p => EntityMapper.FromPerson(new Person(
                $"p{u:D6}x{p:D2}", userId, $"Person {u}-{p}", [$"person{u}x{p}@bench.mentornudge.test"], Connection.Existing, PersonRole.Mentor,
                ["distributed systems", "career"], ["https://example.org/talk"], "Met at a meetup; likes queues.", null, BenchUsers.Start))));
            return rows;
        }).ToList();
        var data = BulkLoader.Patient(host.ConnectionString, stack.Clients.Data.Name);
        var requests = await BulkLoader.WriteAsync(data, batches.SelectMany(b => b));
        var loadTime = load.Elapsed;

        var sample = Math.Min(users, 500);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(ServeMemory).Assembly.Location, "memory-host", "--storage", host.ConnectionString, "--users", users.ToString(CultureInfo.InvariantCulture), "--sample", sample.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var child = Process.Start(info) ?? throw new InvalidOperationException("Could not start the memory host.");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var output = await stdout;
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"memory-host exited with {child.ExitCode}: {await stderr}");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => l.StartsWith("peak ", StringComparison.Ordinal));
        var parts = line.Split(' ');
        return new MemoryResult(
            users,
            users * peoplePerUser,
            sample,
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            host.Pid is int pid ? ProcStatus.Read(pid, "VmRSS") : 0,
            loadTime,
            requests,
            string.Join(' ', parts.Skip(3)));
    }

    /// <summary>The child: the container over the loaded storage, doing the sampled work.</summary>
    public static async Task<int> HostAsync(Arguments arguments)
    {
        var users = arguments.GetInt("users", 0);
        var sample = arguments.GetInt("sample", 100);
        await using var stack = await MentorNudgeStack.StartAsync(arguments.Required("storage"), Prefix, BenchUsers.Start, withAcs: false);
        var clock = Stopwatch.StartNew();
        var step = Math.Max(1, users / sample);
        var people = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, sample), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var userId = $"u{i * step:D6}";
            _ = await stack.Users.GetAsync(userId, ct);
            var list = await stack.People.ListAsync(userId, ct);
            Interlocked.Add(ref people, list.Count);
            await stack.Outreach.LogAsync(userId, list[0].Id, new MentorNudge.Infrastructure.Pipeline.OutreachDraft(null, "email", "Quick question", "Loved your talk."), ct);
            _ = await stack.Schedule.UpcomingAsync(userId, BenchUsers.Start, BenchUsers.Start + NodaTime.Duration.FromDays(30), ct);
        });
        var tick = await stack.Dispatcher.DispatchDueAsync(stack.Clock.GetCurrentInstant());
        var self = Environment.ProcessId;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"peak {ProcStatus.Read(self, "VmHWM")} {ProcStatus.Read(self, "VmRSS")} {sample} users loaded ({people} people), {sample} outreach logged, schedules read, 1 tick ({tick.RowsRead} rows) in {clock.Elapsed.TotalSeconds:F1} s; GC heap {GC.GetTotalMemory(false) / 1024 / 1024} MiB"));
        return 0;
    }
}

internal sealed record MemoryResult(
    int Users,
    int People,
    int Sampled,
    long PeakBytes,
    long RssBytes,
    long AzuriteRssBytes,
    TimeSpan LoadTime,
    int LoadRequests,
    string Details);

using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using MentorNudge.Cli.Hosting;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace MentorNudge.Bench.Pipeline;

/// <summary>
/// A dispatcher tick with 1,000 nudges due, once with 1,000 nudges stored and once with 100,000
/// (the other 99,000 due on the hour over the next 30 days). The due index should make the tick cost depend
/// on what is due, not on what is stored: the reported ratio should stay near 1.
/// Run: <c>dotnet run -c Release --project bench/MentorNudge.Bench -- dispatcher [stored] [due] [runs]</c>.
/// </summary>
internal static class DispatcherScalingBenchmark
{
    private static readonly Instant Tick = Instant.FromUtc(2026, 11, 30, 9, 0);

    public static async Task<int> RunAsync(string[] args)
    {
        var large = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var due = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
        var executable = AzuriteProcess.FindExecutable();
        if (executable is null)
        {
            Console.Error.WriteLine("Azurite is not installed: run `npm ci` at the repository root.");
            return 2;
        }

        await using var azurite = await AzuriteProcess.StartAsync(executable);
        var small = await MeasureAsync(azurite.ConnectionString, due, due, runs);
        var big = await MeasureAsync(azurite.ConnectionString, large, due, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored={due,7} due={due} median tick {small.TotalMilliseconds,8:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored={large,7} due={due} median tick {big.TotalMilliseconds,8:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {big / small:F2} (goal <= 1.2)"));
        return 0;
    }

    private static async Task<TimeSpan> MeasureAsync(string connectionString, int stored, int due, int runs)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var clients = new StorageClients(new StorageOptions
        {
            ConnectionString = connectionString,
            TablePrefix = "b" + suffix,
            NudgeQueueName = "n" + suffix,
            WebhookQueueName = "w" + suffix,
            NetworkTimeout = TimeSpan.FromMinutes(5), // the emulator is slow under a bulk load
        });
        await clients.EnsureCreatedAsync();
        var load = Stopwatch.StartNew();
        await BulkLoadAsync(clients, stored, due);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded {stored} nudges in {load.Elapsed.TotalSeconds:F1} s"));

        var dispatcher = new NudgeDispatcher(new DueIndex(clients), new DispatchCheckpoint(clients), new UserDataRepository(clients), new WorkQueues(clients), NullLogger<NudgeDispatcher>.Instance);
        var times = new List<TimeSpan>();
        for (var run = 0; run < runs; run++)
        {
            // Every run starts from the same cursor, two minutes before the tick, with an empty queue.
            await clients.Checkpoints.DeleteEntityAsync("dispatcher", "cursor");
            await new DispatchCheckpoint(clients).TryAdvanceAsync(Tick - Duration.FromMinutes(2), default, Tick - Duration.FromMinutes(2));
            await clients.NudgeQueue.ClearMessagesAsync();
            var watch = Stopwatch.StartNew();
            var report = await dispatcher.DispatchDueAsync(Tick);
            watch.Stop();
            if (report.Enqueued != due)
            {
                throw new InvalidOperationException($"Expected {due} enqueued, got {report.Enqueued}.");
            }

            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Nudge rows per user partition and index rows per index partition, in 100-row transactions.</summary>
    private static async Task BulkLoadAsync(StorageClients clients, int stored, int due)
    {
        var nudges = new List<TableEntity>(stored);
        var index = new List<TableEntity>(stored);
        for (var i = 0; i < stored; i++)
        {
            var userId = "u" + (i % 1000).ToString(CultureInfo.InvariantCulture);
            var nudgeId = "fu-a" + i.ToString(CultureInfo.InvariantCulture) + "-1";
            // The due ones in the minute before the tick; the rest on the hour over the next 30 days
            // (reminders cluster on round local times, which also keeps the bulk load fast).
            var at = i < due
                ? Tick - Duration.FromSeconds(i % 60)
                : Tick + Duration.FromHours(1 + ((long)i * 720 / stored));
            nudges.Add(new TableEntity(userId, StorageKeys.Nudge(nudgeId))
            {
                ["Kind"] = "FollowUp",
                ["AskId"] = "a" + i.ToString(CultureInfo.InvariantCulture),
                ["Step"] = 1,
                ["DueAt"] = at.ToUnixTimeTicks(),
                ["Status"] = "Scheduled",
            });
            index.Add(new TableEntity(StorageKeys.DueIndexPartition(at, nudgeId), StorageKeys.DueIndexRow(at, userId, nudgeId))
            {
                ["UserId"] = userId,
                ["NudgeId"] = nudgeId,
                ["DueAt"] = at.ToUnixTimeTicks(),
                ["At"] = at.ToUnixTimeTicks(),
            });
        }

        await SubmitAsync(clients.Data, nudges);
        await SubmitAsync(clients.DueIndex, index);
    }

    private static async Task SubmitAsync(TableClient table, List<TableEntity> rows)
    {
        var batches = rows.GroupBy(r => r.PartitionKey)
            .SelectMany(g => g.Chunk(100))
            .Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList())
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch, ct));
    }
}

using System.Diagnostics;
using Azure.Data.Tables;
using MentorNudge.Load.Infrastructure;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// Azurite's raw rate for the simplest unit of table work: insert one small entity, read it back by
/// key, delete it (three HTTP requests), from <c>concurrency</c> loops for a fixed count.
/// </summary>
internal static class AzuriteRawRate
{
    public static async Task<RawRate> MeasureAsync(StorageHost host, int triples, int concurrency)
    {
        var table = new TableClient(host.ConnectionString, "rawrate" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();

        // Warm up connections and the JIT outside the measurement.
        await RunAsync(table, Math.Min(200, triples), concurrency, "warm");

        var cpu = new CpuMeter(host.Pid);
        var start = cpu.Sample();
        await RunAsync(table, triples, concurrency, "run");
        var delta = cpu.Sample().Since(start);
        await table.DeleteAsync();
        return new RawRate(triples, concurrency, delta);
    }

    private static async Task RunAsync(TableClient table, int triples, int concurrency, string tag)
    {
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < triples)
            {
                var partition = $"{tag}{i % 64:D2}";
                var row = i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                var entity = new TableEntity(partition, row)
                {
                    ["Due"] = DateTimeOffset.UnixEpoch.AddSeconds(i),
                    ["Kind"] = "followUp",
                };
                await table.AddEntityAsync(entity);
                var read = await table.GetEntityAsync<TableEntity>(partition, row);
                await table.DeleteEntityAsync(partition, row, read.Value.ETag);
            }
        });
        await Task.WhenAll(workers);
    }
}

/// <summary>Triples (put + get + delete) per second, with the CPU both processes spent.</summary>
internal sealed record RawRate(int Triples, int Concurrency, CpuDelta Cpu)
{
    public double TriplesPerSecond => Triples / Cpu.Wall.TotalSeconds;

    public double RequestsPerSecond => 3 * TriplesPerSecond;
}

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// Counts storage requests (every HTTP attempt, retries included) by service and method, e.g.
/// <c>table GET</c>, <c>queue POST</c>. Added to the clients' pipelines through
/// <see cref="StorageClients"/>; tests and benchmarks read it to assert operation budgets.
/// </summary>
public sealed class StorageOperationCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>All requests counted so far.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>A copy of the counts by <c>"{service} {METHOD}"</c>.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Requests to one service (<c>table</c> or <c>queue</c>).</summary>
    public int ForService(string service) =>
        _counts.Where(kv => kv.Key.StartsWith(service + " ", StringComparison.Ordinal)).Sum(kv => kv.Value);

    public void Reset() => _counts.Clear();

    /// <summary>A pipeline policy that counts into this counter under <paramref name="service"/>.</summary>
    public HttpPipelinePolicy PolicyFor(string service) => new CountingPolicy(this, service);

    private void Count(string service, RequestMethod method) =>
        _counts.AddOrUpdate($"{service} {method.Method}", 1, (_, n) => n + 1);

    private sealed class CountingPolicy(StorageOperationCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request.Method);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request.Method);
            return ProcessNextAsync(message, pipeline);
        }
    }
}

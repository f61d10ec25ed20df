using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// The table and queue clients of one deployment, built once with the retry settings and any
/// extra pipeline policies (operation counting, fault injection in tests). Creates missing tables
/// and queues on first use when <see cref="StorageOptions.CreateIfMissing"/> is set.
/// </summary>
public sealed class StorageClients
{
    private readonly StorageOptions _options;
    private Task? _creating;

    public StorageClients(StorageOptions options, TokenCredential? credential = null, IEnumerable<(string Service, HttpPipelinePolicy Policy)>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var extra = policies?.ToList() ?? [];

        var tableOptions = new TableClientOptions();
        Configure(tableOptions.Retry, options);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Configure(queueOptions.Retry, options);
        foreach (var (service, policy) in extra)
        {
            // Per retry, so counters see every attempt and injected faults hit retries too.
            if (service == "table")
            {
                tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }
            else if (service == "queue")
            {
                queueOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }
        }

        TableServiceClient tables;
        QueueServiceClient queues;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            tables = new TableServiceClient(options.ConnectionString, tableOptions);
            queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else
        {
            var tableUri = options.ResolveTableServiceUri() ?? throw new InvalidOperationException("No table service endpoint configured.");
            var queueUri = options.ResolveQueueServiceUri() ?? throw new InvalidOperationException("No queue service endpoint configured.");
            var identity = credential ?? throw new InvalidOperationException("Service URIs need a TokenCredential (managed identity).");
            tables = new TableServiceClient(tableUri, identity, tableOptions);
            queues = new QueueServiceClient(queueUri, identity, queueOptions);
        }

        TableService = tables;
        QueueService = queues;
        var prefix = options.TablePrefix;
        Data = tables.GetTableClient(prefix + "data");
        Tokens = tables.GetTableClient(prefix + "tokens");
        DueIndex = tables.GetTableClient(prefix + "dueindex");
        Checkpoints = tables.GetTableClient(prefix + "checkpoints");
        Deliveries = tables.GetTableClient(prefix + "deliveries");
        NudgeQueue = queues.GetQueueClient(options.NudgeQueueName);
        WebhookQueue = queues.GetQueueClient(options.WebhookQueueName);
        NudgePoisonQueue = queues.GetQueueClient(options.NudgeQueueName + "-poison");
        WebhookPoisonQueue = queues.GetQueueClient(options.WebhookQueueName + "-poison");
    }

    /// <summary>The table service (shared with the email pacer, so it gets the same retries and policies).</summary>
    public TableServiceClient TableService { get; }

    public QueueServiceClient QueueService { get; }

    /// <summary>User partitions: the user, token references, people, asks, interactions, nudges.</summary>
    public TableClient Data { get; }

    /// <summary>API-token hashes → user id.</summary>
    public TableClient Tokens { get; }

    /// <summary>The due index, partitioned by minute bucket and shard.</summary>
    public TableClient DueIndex { get; }

    /// <summary>Dispatcher cursor (and any later checkpoint).</summary>
    public TableClient Checkpoints { get; }

    /// <summary>Provider message id / message key → user and nudge, for delivery reports.</summary>
    public TableClient Deliveries { get; }

    public QueueClient NudgeQueue { get; }

    public QueueClient WebhookQueue { get; }

    public QueueClient NudgePoisonQueue { get; }

    public QueueClient WebhookPoisonQueue { get; }

    /// <summary>Creates missing tables and queues once per process (when allowed).</summary>
    public Task EnsureCreatedAsync()
    {
        if (!_options.CreateIfMissing)
        {
            return Task.CompletedTask;
        }

        // A failed attempt (storage outage at start-up) is retried on the next call; two racing
        // first calls may both create, which is harmless.
        var creating = _creating;
        if (creating is null || creating.IsFaulted || creating.IsCanceled)
        {
            creating = CreateAllAsync();
            _creating = creating;
        }

        return creating;
    }

    private async Task CreateAllAsync()
    {
        await Task.WhenAll(
            Data.CreateIfNotExistsAsync(),
            Tokens.CreateIfNotExistsAsync(),
            DueIndex.CreateIfNotExistsAsync(),
            Checkpoints.CreateIfNotExistsAsync(),
            Deliveries.CreateIfNotExistsAsync(),
            NudgeQueue.CreateIfNotExistsAsync(),
            WebhookQueue.CreateIfNotExistsAsync(),
            NudgePoisonQueue.CreateIfNotExistsAsync(),
            WebhookPoisonQueue.CreateIfNotExistsAsync()).ConfigureAwait(false);
    }

    private static void Configure(RetryOptions retry, StorageOptions options)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = options.MaxRetries;
        retry.Delay = options.RetryDelay;
        retry.MaxDelay = options.RetryMaxDelay;
        retry.NetworkTimeout = options.NetworkTimeout;
    }
}

using System.ComponentModel.DataAnnotations;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// Where the tables and queues live. Either a connection string (Azurite, local runs) or service
/// URIs / an account name used with a managed-identity credential (no shared keys in Azure).
/// Bound from the <c>Storage</c> configuration section.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The default nudge queue; the Functions app's <c>SendNudge</c> trigger listens on exactly this one.</summary>
    public const string DefaultNudgeQueueName = "nudges";

    /// <summary>The default webhook queue; the Functions app's <c>DeliverWebhook</c> trigger listens on exactly this one.</summary>
    public const string DefaultWebhookQueueName = "webhooks";

    /// <summary>A full connection string; wins over the URIs when set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Account name; the service URIs default to the public cloud endpoints of this account.</summary>
    public string? AccountName { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Prefix of every table name (letters and digits), so several deployments or tests can share an account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,30}$")]
    public string TablePrefix { get; set; } = "mn";

    /// <summary>The queue the dispatcher fills and the send-nudge worker drains.</summary>
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,50}[a-z0-9]$")]
    public string NudgeQueueName { get; set; } = DefaultNudgeQueueName;

    /// <summary>The queue of outbound webhook deliveries.</summary>
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,50}[a-z0-9]$")]
    public string WebhookQueueName { get; set; } = DefaultWebhookQueueName;

    /// <summary>SDK retries for transient failures (408, 429, 5xx, network errors).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; the SDK backs off exponentially from it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one storage request.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Create missing tables and queues on first use (on for local runs; harmless in Azure).</summary>
    public bool CreateIfMissing { get; set; } = true;

    public Uri? ResolveTableServiceUri() =>
        TableServiceUri ?? (string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName}.table.core.windows.net/"));

    public Uri? ResolveQueueServiceUri() =>
        QueueServiceUri ?? (string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName}.queue.core.windows.net/"));
}

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>Settings of the ACS email sender (section <c>Email:Acs</c>).</summary>
public sealed class AcsEmailOptions
{
    /// <summary><c>endpoint=https://…/;accesskey=…</c>. Either this or <see cref="Endpoint"/> (managed identity).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The resource endpoint, used with a managed identity (role: Communication and Email Service Owner, or a custom role with Microsoft.Communication/CommunicationServices/Write).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The verified sender, e.g. <c>DoNotReply@&lt;domain&gt;</c>.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>Where replies go, if not to the sender.</summary>
    public string? ReplyToAddress { get; set; }

    /// <summary>How long, in total, to wait for the send operation to reach a terminal status.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait between status polls when the service sends no <c>retry-after</c>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retry delay to report on a 429 that carries no <c>Retry-After</c>.</summary>
    public TimeSpan DefaultThrottleDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of 5xx/408/transport errors inside one send (exponential back-off).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; doubles per retry up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one back-off delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

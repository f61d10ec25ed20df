using Azure.Core;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>Azure.Core pipeline settings derived from <see cref="AcsEmailOptions"/>.</summary>
internal sealed class AcsClientOptions : ClientOptions
{
    public AcsClientOptions(AcsEmailOptions options)
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = options.MaxRetries;
        Retry.Delay = options.RetryDelay;
        Retry.MaxDelay = options.RetryMaxDelay;
        Retry.NetworkTimeout = options.NetworkTimeout;
        Diagnostics.ApplicationId = "mentornudge";
        // Request/response bodies hold the email; keep them out of any diagnostics sink.
        Diagnostics.IsLoggingContentEnabled = false;
    }
}

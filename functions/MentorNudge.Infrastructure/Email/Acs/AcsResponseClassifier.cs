using Azure.Core;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>
/// Retries 408 and 5xx inside the pipeline, but never 429: a throttled send goes back to the
/// queue with the server's Retry-After instead of being hot-retried.
/// </summary>
internal sealed class AcsResponseClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status is 408 or 500 or 502 or 503 or 504;
}

using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>Fails start-up when neither a connection string nor service endpoints are configured.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.ResolveTableServiceUri() is null)
        {
            failures.Add("Set Storage:ConnectionString, or Storage:AccountName, or Storage:TableServiceUri.");
        }

        if (options.ResolveQueueServiceUri() is null)
        {
            failures.Add("Set Storage:ConnectionString, or Storage:AccountName, or Storage:QueueServiceUri.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

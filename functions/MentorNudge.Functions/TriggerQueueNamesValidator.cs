using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace MentorNudge.Functions;

/// <summary>
/// In the Function App the queue triggers listen on the default queue names (attribute constants),
/// so a <c>Storage:*QueueName</c> setting that differs would fill a queue nobody drains: fail at start-up instead.
/// </summary>
public sealed class TriggerQueueNamesValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.NudgeQueueName != StorageOptions.DefaultNudgeQueueName)
        {
            errors.Add($"Storage:NudgeQueueName must be '{StorageOptions.DefaultNudgeQueueName}' in the Function App (the SendNudge trigger listens there), was '{options.NudgeQueueName}'.");
        }

        if (options.WebhookQueueName != StorageOptions.DefaultWebhookQueueName)
        {
            errors.Add($"Storage:WebhookQueueName must be '{StorageOptions.DefaultWebhookQueueName}' in the Function App (the DeliverWebhook trigger listens there), was '{options.WebhookQueueName}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

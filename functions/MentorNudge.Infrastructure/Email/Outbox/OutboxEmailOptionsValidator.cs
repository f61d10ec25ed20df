using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Email.Outbox;

/// <summary>Start-up validation of <see cref="OutboxEmailOptions"/>.</summary>
public sealed class OutboxEmailOptionsValidator : IValidateOptions<OutboxEmailOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxEmailOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            errors.Add("Email:Outbox:Folder is required when Email:Provider is outbox.");
        }
        else if (options.Folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add("Email:Outbox:Folder is not a valid path.");
        }

        if (string.IsNullOrWhiteSpace(options.SenderAddress) || !options.SenderAddress.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Email:Outbox:SenderAddress must be an email address.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Email.Smtp;

/// <summary>Start-up validation of <see cref="SmtpEmailOptions"/>.</summary>
public sealed class SmtpEmailOptionsValidator : IValidateOptions<SmtpEmailOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpEmailOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add("Email:Smtp:Host is required when Email:Provider is smtp.");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.SenderAddress) || !options.SenderAddress.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Email:Smtp:SenderAddress is required when Email:Provider is smtp.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            errors.Add("Email:Smtp:Password is required when Email:Smtp:UserName is set.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add("Email:Smtp:Timeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

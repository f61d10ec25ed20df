using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>Start-up validation of <see cref="AcsEmailOptions"/>; messages name the setting to fix.</summary>
public sealed class AcsEmailOptionsValidator : IValidateOptions<AcsEmailOptions>
{
    public ValidateOptionsResult Validate(string? name, AcsEmailOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.Endpoint is null)
        {
            errors.Add("Email:Acs:ConnectionString or Email:Acs:Endpoint (with a managed identity) is required when Email:Provider is acs.");
        }
        else if (!string.IsNullOrWhiteSpace(options.ConnectionString) && !AcsConnectionString.TryParse(options.ConnectionString, out _, out var error))
        {
            errors.Add("Email:Acs:ConnectionString is invalid: " + error);
        }
        else if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("Email:Acs:Endpoint must be an absolute https URL.");
        }

        if (string.IsNullOrWhiteSpace(options.SenderAddress) || !options.SenderAddress.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Email:Acs:SenderAddress is required when Email:Provider is acs (a sender on a verified domain, e.g. DoNotReply@example.com).");
        }

        if (options.PollTimeout <= TimeSpan.Zero)
        {
            errors.Add("Email:Acs:PollTimeout must be positive.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add("Email:Acs:PollInterval must be positive.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add("Email:Acs:MaxRetries must be between 0 and 10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Email.Pacing;

/// <summary>Start-up validation of <see cref="EmailQuotaOptions"/>.</summary>
public sealed class EmailQuotaOptionsValidator : IValidateOptions<EmailQuotaOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailQuotaOptions options)
    {
        var errors = new List<string>();
        if (options.PerMinute is < 1 or > 10_000)
        {
            errors.Add("Email:Quota:PerMinute must be between 1 and 10000.");
        }

        if (options.PerHour is < 1 or > 10_000)
        {
            errors.Add("Email:Quota:PerHour must be between 1 and 10000 (the limiter keeps one timestamp per send of the last hour).");
        }

        if (string.IsNullOrWhiteSpace(options.TableName) || options.TableName.Length is < 3 or > 63 || !options.TableName.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(options.TableName[0]))
        {
            errors.Add("Email:Quota:TableName must be 3–63 letters or digits, starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(options.LimiterName) || options.LimiterName.IndexOfAny(['/', '\\', '#', '?']) >= 0)
        {
            errors.Add("Email:Quota:LimiterName is required and may not contain / \\ # or ?.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

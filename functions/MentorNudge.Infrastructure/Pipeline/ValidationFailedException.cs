namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Input the service cannot accept, with one message per bad field (for problem+json).</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public ValidationFailedException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request has invalid fields: " + string.Join(", ", errors.Keys))
    {
        Errors = errors;
    }

    /// <summary>The findings of a Core validator, grouped by field.</summary>
    public static ValidationFailedException From(IEnumerable<Core.Validation.FieldError> errors) =>
        new(errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));

    /// <summary>Field name (camelCase) → what is wrong with it.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

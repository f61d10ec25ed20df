namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// Someone else changed the same data first (an ETag mismatch or a duplicate insert) and retrying
/// did not help; nothing of the failed change was written. Callers may retry the whole request.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

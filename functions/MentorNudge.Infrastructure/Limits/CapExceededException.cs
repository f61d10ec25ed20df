namespace MentorNudge.Infrastructure.Limits;

/// <summary>A change would take the user over one of their caps (<see cref="UserCapsOptions"/>); nothing was written.</summary>
public sealed class CapExceededException : Exception
{
    public CapExceededException()
    {
    }

    public CapExceededException(string message)
        : base(message)
    {
    }

    public CapExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Which cap: <c>people</c>, <c>asksPerPerson</c>, <c>interactionsPerPerson</c>, <c>tokens</c>.</summary>
    public string? Cap { get; init; }

    /// <summary>The cap's value.</summary>
    public int Limit { get; init; }

    public static CapExceededException For(string cap, int limit, string what) =>
        new($"The limit of {limit} {what} is reached; delete some or ask the operator to raise MentorNudge:Limits.") { Cap = cap, Limit = limit };
}

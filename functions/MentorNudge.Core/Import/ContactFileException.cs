namespace MentorNudge.Core.Import;

/// <summary>The file cannot be read as the format it claims (no header row, no vCard, a broken quote).</summary>
public sealed class ContactFileException : Exception
{
    /// <summary>An unreadable file, without details.</summary>
    public ContactFileException()
    {
    }

    /// <summary>An unreadable file, and what to fix.</summary>
    public ContactFileException(string message)
        : base(message)
    {
    }

    /// <summary>An unreadable file, what to fix, and the parser's error.</summary>
    public ContactFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 1-based line where reading stopped, when known.</summary>
    public int? Line { get; init; }
}

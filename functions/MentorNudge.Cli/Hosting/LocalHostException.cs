namespace MentorNudge.Cli.Hosting;

/// <summary>A start-up problem the user can fix; its message says how. Printed without a stack trace.</summary>
public sealed class LocalHostException : Exception
{
    public LocalHostException()
    {
    }

    public LocalHostException(string message)
        : base(message)
    {
    }

    public LocalHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

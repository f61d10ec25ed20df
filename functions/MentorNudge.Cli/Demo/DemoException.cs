namespace MentorNudge.Cli.Demo;

/// <summary>The demo could not go on; the message says which call failed and how.</summary>
public sealed class DemoException : Exception
{
    public DemoException()
    {
    }

    public DemoException(string message)
        : base(message)
    {
    }

    public DemoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace MentorNudge.Infrastructure.Triggers;

/// <summary>What a queue handler asks the pump to do with the message it just handled.</summary>
/// <param name="RetryAfter">Null: done, delete it. Otherwise: put it back, invisible for this long.</param>
public sealed record QueueHandlingResult(TimeSpan? RetryAfter)
{
    public static QueueHandlingResult Done { get; } = new((TimeSpan?)null);

    public static QueueHandlingResult RetryLater(TimeSpan delay) => new(delay);
}

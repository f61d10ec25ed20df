using NodaTime;

namespace MentorNudge.Cli.Time;

/// <summary>
/// A clock that stands still until it is told to move: the local host's <c>--virtual-clock</c>.
/// Thread-safe; it never moves backwards, so a nudge can neither fire twice nor be skipped
/// because a caller set an earlier time.
/// </summary>
public sealed class VirtualClock(Instant start) : IClock
{
    private readonly Lock _gate = new();
    private Instant _now = start;

    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/>; an earlier instant is refused.</summary>
    public void MoveTo(Instant instant)
    {
        lock (_gate)
        {
            if (instant < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The virtual clock only moves forward (it is {_now}).");
            }

            _now = instant;
        }
    }
}

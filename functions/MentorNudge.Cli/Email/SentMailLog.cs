namespace MentorNudge.Cli.Email;

/// <summary>
/// The emails sent by this process, in order, so the virtual clock can answer "what was sent" and
/// the demo can print its timeline. Bounded: a long-running serve keeps only the latest ones.
/// </summary>
public sealed class SentMailLog
{
    private const int Capacity = 10_000;
    private readonly Lock _gate = new();
    private readonly List<SentMail> _items = [];
    private long _dropped;

    /// <summary>How many emails were recorded since start (a mark for <see cref="Since"/>).</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _dropped + _items.Count;
            }
        }
    }

    public void Add(SentMail mail)
    {
        lock (_gate)
        {
            if (_items.Count == Capacity)
            {
                _items.RemoveAt(0);
                _dropped++;
            }

            _items.Add(mail);
        }
    }

    /// <summary>Everything recorded after <paramref name="mark"/> (a previous <see cref="Count"/>).</summary>
    public IReadOnlyList<SentMail> Since(long mark)
    {
        lock (_gate)
        {
            var skip = (int)Math.Clamp(mark - _dropped, 0, _items.Count);
            return _items.Skip(skip).ToList();
        }
    }
}

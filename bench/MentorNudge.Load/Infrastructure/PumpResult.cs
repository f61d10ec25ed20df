namespace MentorNudge.Load.Infrastructure;

/// <summary>What a drain of the nudges queue did: messages handled, receive requests, send outcomes by name.</summary>
internal sealed record PumpResult(int Handled, int Receives, IReadOnlyDictionary<string, int> Outcomes)
{
    public int Count(string outcome) => Outcomes.TryGetValue(outcome, out var n) ? n : 0;

    public override string ToString() => $"{Handled} handled in {Receives} receives ({string.Join(", ", Outcomes.Select(kv => $"{kv.Key} {kv.Value}"))})";
}

using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>Everything stored for one user, read with one partition query.</summary>
public sealed class UserPartition
{
    public required string UserId { get; init; }

    public StoredEntity<User>? User { get; set; }

    public Dictionary<string, StoredEntity<Person>> People { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredEntity<Ask>> Asks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredEntity<Interaction>> Interactions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredNudge> Nudges { get; } = new(StringComparer.Ordinal);

    /// <summary>Hashes of the user's API tokens (so erasure and revocation can find them).</summary>
    public List<string> TokenHashes { get; } = [];

    public IReadOnlyList<Person> PersonList => People.Values.Select(p => p.Value).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Ask> AskList => Asks.Values.Select(a => a.Value).OrderBy(a => a.SentAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Interaction> InteractionList => Interactions.Values.Select(i => i.Value).OrderBy(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Nudge> NudgeList => Nudges.Values.Select(n => n.Nudge).OrderBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
}

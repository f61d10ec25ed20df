using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Limits;

/// <summary>Checks a change against the user's caps on the partition it was loaded from, before anything is written.</summary>
public sealed class UserCaps(IOptions<UserCapsOptions> options)
{
    /// <summary>Caps at their defaults (tests, tools that build the use cases by hand).</summary>
    public static UserCaps Default { get; } = new(Options.Create(new UserCapsOptions()));

    /// <summary>The most people one user may have.</summary>
    public int MaxPeople => options.Value.MaxPeople;

    /// <exception cref="CapExceededException">The user already has <see cref="UserCapsOptions.MaxPeople"/> people.</exception>
    public void EnsureCanAddPerson(UserPartition partition)
    {
        var max = options.Value.MaxPeople;
        if (partition.People.Count >= max)
        {
            throw CapExceededException.For("people", max, "people");
        }
    }

    /// <exception cref="CapExceededException">The person already has <see cref="UserCapsOptions.MaxAsksPerPerson"/> asks.</exception>
    public void EnsureCanAddAsk(UserPartition partition, string personId)
    {
        var max = options.Value.MaxAsksPerPerson;
        if (partition.Asks.Values.Count(a => a.Value.PersonId == personId) >= max)
        {
            throw CapExceededException.For("asksPerPerson", max, "asks for this person");
        }
    }

    /// <exception cref="CapExceededException">The person already has <see cref="UserCapsOptions.MaxInteractionsPerPerson"/> interactions.</exception>
    public void EnsureCanAddInteraction(UserPartition partition, string personId)
    {
        var max = options.Value.MaxInteractionsPerPerson;
        if (partition.Interactions.Values.Count(i => i.Value.PersonId == personId) >= max)
        {
            throw CapExceededException.For("interactionsPerPerson", max, "interactions with this person");
        }
    }
}

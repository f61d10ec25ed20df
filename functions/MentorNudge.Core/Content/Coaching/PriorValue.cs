using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Coaching;

/// <summary>Whether the user has already added value for a person: the <c>hasPriorValue</c> input of <see cref="AskCoach.Coach"/>.</summary>
public static class PriorValue
{
    /// <summary>True when any interaction with the person gave them something (a comment, share, congratulation, amplification, introduction, closed loop or thanks).</summary>
    public static bool Has(string personId, IEnumerable<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        return interactions.Any(i => i.PersonId == personId && i.Kind is InteractionKind.Comment or InteractionKind.Share
            or InteractionKind.Congratulate or InteractionKind.Amplify or InteractionKind.Introduce
            or InteractionKind.CloseTheLoop or InteractionKind.Thank);
    }
}

using MentorNudge.Core.Content.Emails;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Digest;

/// <summary>
/// The catalog of add-value prompts: which kinds fit what is known about a person, and their
/// wording. Every person is eligible for at least two kinds, so a kind never has to repeat.
/// </summary>
public static class PromptCatalog
{
    /// <summary>What the catalog needs to know about a person at digest time.</summary>
    /// <param name="Connection">Existing or admired.</param>
    /// <param name="HasLink">They have at least one http(s) link to their work.</param>
    /// <param name="HasInteractions">The user has logged at least one interaction with them.</param>
    /// <param name="HasOpenAsk">An ask to them is unanswered.</param>
    public sealed record PersonFacts(Connection Connection, bool HasLink, bool HasInteractions, bool HasOpenAsk);

    /// <summary>The kinds that fit, in catalog order.</summary>
    public static IReadOnlyList<AddValuePromptKind> EligibleKinds(PersonFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var kinds = new List<AddValuePromptKind>();
        if (facts.HasLink)
        {
            kinds.Add(AddValuePromptKind.CommentOnWork);
        }

        kinds.Add(AddValuePromptKind.ShareResource);
        kinds.Add(AddValuePromptKind.CongratulateMilestone);
        if (facts.HasLink)
        {
            kinds.Add(AddValuePromptKind.AmplifyWork);
        }

        // Admired people get prompts about engaging with their work only; the personal ones
        // need a relationship that does not exist yet.
        if (facts.Connection == Connection.Existing)
        {
            if (!facts.HasOpenAsk)
            {
                kinds.Add(AddValuePromptKind.OfferIntroduction);
            }

            if (facts.HasInteractions)
            {
                if (!facts.HasOpenAsk)
                {
                    kinds.Add(AddValuePromptKind.CloseTheLoop);
                }

                kinds.Add(AddValuePromptKind.SayThanks);
            }
        }

        return kinds;
    }

    /// <summary>The plain-text title and suggestion of a prompt.</summary>
    public static (string Title, string Suggestion) Describe(
        AddValuePromptKind kind, string personName, Uri? link, string? interest, bool addValueOnly)
    {
        var name = SafeText.OneLine(personName, 80);
        var first = SafeText.FirstName(personName);
        (string title, string suggestion) = kind switch
        {
            AddValuePromptKind.CommentOnWork => (
                $"Comment thoughtfully on {name}'s recent work",
                $"Read or watch {(link is null ? "something they published recently" : link.AbsoluteUri)} and reply with one specific thing you took from it and what you will do differently."),
            AddValuePromptKind.ShareResource => (
                interest is null ? $"Share a useful resource with {name}" : $"Share something on {interest} with {name}",
                $"Send {first} one article, tool or talk{(interest is null ? " in their field" : $" on {interest}")} that you found useful, with one line on why it made you think of them."),
            AddValuePromptKind.CongratulateMilestone => (
                $"Congratulate {name} on a milestone",
                "Look for a recent launch, promotion, talk or anniversary and send two sincere sentences about it."),
            AddValuePromptKind.AmplifyWork => (
                $"Amplify {name}'s work, with credit",
                $"Share {(link is null ? "a piece of their work" : link.AbsoluteUri)} with your team or network, name {first} as the author and say what you found valuable."),
            AddValuePromptKind.OfferIntroduction => (
                $"Offer {name} an introduction",
                $"Think of one person who would be useful to {first} (a collaborator, a hire, a customer) and offer an introduction; ask both before connecting them."),
            AddValuePromptKind.CloseTheLoop => (
                $"Close the loop with {name}",
                $"Tell {first} how you applied their advice and what came of it; people rarely learn that their advice landed."),
            AddValuePromptKind.SayThanks => (
                $"Thank {name}",
                $"Send {first} a short thank-you for one specific thing they did for you, with nothing else attached."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        return addValueOnly
            ? (title, suggestion + " Your earlier ask is still open: let this stand on its own and don't repeat the ask.")
            : (title, suggestion);
    }
}

namespace MentorNudge.Core.Content.Digest;

/// <summary>The kinds of "add value first" prompts in the weekly digest (see docs/content.md for the catalog).</summary>
public enum AddValuePromptKind
{
    /// <summary>Comment thoughtfully on their recent work (needs one of their links).</summary>
    CommentOnWork,

    /// <summary>Share a resource on one of their interests, with one line on why.</summary>
    ShareResource,

    /// <summary>Congratulate a milestone.</summary>
    CongratulateMilestone,

    /// <summary>Amplify their work, with credit (needs one of their links).</summary>
    AmplifyWork,

    /// <summary>Offer an introduction (existing connections without an open ask).</summary>
    OfferIntroduction,

    /// <summary>Tell them how you applied their advice (existing connections you have interacted with).</summary>
    CloseTheLoop,

    /// <summary>Thank them for something specific (existing connections you have interacted with).</summary>
    SayThanks,
}

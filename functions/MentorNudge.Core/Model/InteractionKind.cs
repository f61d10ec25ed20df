namespace MentorNudge.Core.Model;

/// <summary>Something the user did with or for a person.</summary>
public enum InteractionKind
{
    /// <summary>Commented thoughtfully on their work.</summary>
    Comment,

    /// <summary>Shared a resource with them.</summary>
    Share,

    /// <summary>Congratulated them on a milestone.</summary>
    Congratulate,

    /// <summary>Amplified their work, with credit.</summary>
    Amplify,

    /// <summary>Introduced them to someone useful.</summary>
    Introduce,

    /// <summary>Told them how their advice was applied.</summary>
    CloseTheLoop,

    /// <summary>Thanked them.</summary>
    Thank,

    /// <summary>Met in person or on a call.</summary>
    Meeting,

    /// <summary>Exchanged messages.</summary>
    Message,

    /// <summary>Anything else.</summary>
    Other,
}

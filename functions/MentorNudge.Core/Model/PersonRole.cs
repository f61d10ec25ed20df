namespace MentorNudge.Core.Model;

/// <summary>The part a person plays, or could play, for the user.</summary>
public enum PersonRole
{
    /// <summary>Gives advice and perspective.</summary>
    Mentor,

    /// <summary>Advocates for the user where decisions are made.</summary>
    Sponsor,

    /// <summary>A peer to learn with.</summary>
    Peer,

    /// <summary>A past or present teacher.</summary>
    Teacher,

    /// <summary>Anyone else worth keeping in touch with.</summary>
    Other,
}

namespace MentorNudge.Core.Content.Coaching;

/// <summary>The finding codes of the ask coach (stable: clients and the JSON contract rely on them).</summary>
public static class CoachCodes
{
    /// <summary>"Will you be my mentor" and friends: a large, open-ended commitment.</summary>
    public const string GenericMentorAsk = "generic-mentor-ask";

    /// <summary>"Pick your brain": unclear what they would be giving.</summary>
    public const string PickYourBrain = "pick-your-brain";

    /// <summary>"Any advice", "help with my career", or no concrete question at all.</summary>
    public const string VagueAsk = "vague-ask";

    /// <summary>No small, bounded request (15 minutes, one question, a short reply).</summary>
    public const string NoTimeBound = "no-time-bound";

    /// <summary>Nothing about the person's own work.</summary>
    public const string NotPersonalized = "not-personalized";

    /// <summary>Over about 150 words.</summary>
    public const string TooLong = "too-long";

    /// <summary>Asking someone you only admire before adding any value.</summary>
    public const string AskBeforeValue = "ask-before-value";

    /// <summary>"Just bumping", "circling back", "per my last email": pressure instead of kindness.</summary>
    public const string GuiltTrip = "guilt-trip";

    /// <summary>All codes, in the order findings are reported.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        GenericMentorAsk, PickYourBrain, VagueAsk, NoTimeBound, NotPersonalized, TooLong, AskBeforeValue, GuiltTrip,
    ];
}

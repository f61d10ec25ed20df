namespace MentorNudge.Core.Content.Actions;

/// <summary>What a one-click link in an email does once confirmed (POST).</summary>
public enum ActionKind
{
    /// <summary>They replied: cancels the pending follow-ups of the ask.</summary>
    Replied,

    /// <summary>Snooze nudges about the person for one week.</summary>
    Snooze,

    /// <summary>Stop nudging about this person.</summary>
    Stop,

    /// <summary>Stop all email to the user.</summary>
    Unsubscribe,

    /// <summary>Undo what one captured (BCC'd) email logged; the token's nudge id names the capture.</summary>
    Undo,
}

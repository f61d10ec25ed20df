namespace MentorNudge.Core.Model;

/// <summary>Reasons recorded on nudges that the engine itself reads back.</summary>
public static class NudgeReasons
{
    /// <summary>
    /// Withdrawn by a re-plan because the plan no longer contains it (settings changed, person
    /// stopped, …). Not something that happened to the user: the planner does not count it as
    /// history, and a re-plan that plans the same id again re-activates the row.
    /// </summary>
    public const string NoLongerPlanned = "no-longer-planned";
}

namespace MentorNudge.Core.Model;

/// <summary>How the user knows a person: mentorship grows best from existing connections.</summary>
public enum Connection
{
    /// <summary>Someone the user already knows (a former boss, a colleague, a teacher).</summary>
    Existing,

    /// <summary>Someone the user admires but has no connection with yet.</summary>
    Admired,
}

using System.Globalization;
using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>
/// Deterministic nudge ids. The same plan always yields the same ids, so re-planning, double-fired
/// timers and redelivered messages all converge on one nudge. Ids are safe as Table storage keys.
/// </summary>
public static class NudgeIds
{
    /// <summary>The <paramref name="step"/>-th follow-up reminder of an ask.</summary>
    public static string FollowUp(string askId, int step) =>
        string.Create(CultureInfo.InvariantCulture, $"fu-{askId}-{step}");

    /// <summary>The weekly digest of a user for the local date it is due on.</summary>
    public static string WeeklyDigest(string userId, LocalDate localDueDate) =>
        string.Create(CultureInfo.InvariantCulture, $"wd-{userId}-{localDueDate:yyyyMMdd}");

    /// <summary>A keep-in-touch reminder about a person, for the local date it is due on.</summary>
    public static string KeepInTouch(string personId, LocalDate localDueDate) =>
        string.Create(CultureInfo.InvariantCulture, $"kt-{personId}-{localDueDate:yyyyMMdd}");
}

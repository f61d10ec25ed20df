namespace MentorNudge.Load.Report;

/// <summary>One row of the performance table.</summary>
/// <param name="Id">P1…P6, M1.</param>
/// <param name="Name">What is measured.</param>
/// <param name="Goal">The goal, as text.</param>
/// <param name="Measured">The raw measurements behind the ratio.</param>
/// <param name="Ratio">The figure compared with the goal, as text (a ratio or a count).</param>
/// <param name="Met">Whether the goal was met; null when there is no goal or nothing was measured.</param>
/// <param name="Command">The command that reproduces it.</param>
/// <param name="Notes">What limits it and what it includes, one paragraph.</param>
internal sealed record Figure(
    string Id,
    string Name,
    string Goal,
    string Measured,
    string Ratio,
    bool? Met,
    string Command,
    string Notes);

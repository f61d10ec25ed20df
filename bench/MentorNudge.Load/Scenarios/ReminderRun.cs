using MentorNudge.Load.Infrastructure;

namespace MentorNudge.Load.Scenarios;

/// <summary>What one system did with the P5 workload.</summary>
internal sealed record ReminderRun(
    string System,
    bool Completed,
    int Fired,
    int FiredCancelled,
    CpuDelta Total,
    CpuDelta Submit,
    long Operations,
    long ScheduleOperations,
    long CancelOperations,
    TimeSpan LagAfterLastDue,
    int LateCancels,
    string Details);

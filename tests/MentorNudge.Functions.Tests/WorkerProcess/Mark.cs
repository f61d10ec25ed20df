namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>How many output lines and stream logs a <see cref="WorkerHost"/> had at one moment.</summary>
public readonly record struct Mark(int OutputLines, int Logs);

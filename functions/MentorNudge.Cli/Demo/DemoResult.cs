namespace MentorNudge.Cli.Demo;

/// <summary>What the demo did, for printing and for tests.</summary>
/// <param name="Timeline">Everything that happened, in time order.</param>
/// <param name="EmailsSent">Emails handed to the outbox.</param>
/// <param name="OutboxFolder">Where they are.</param>
/// <param name="CoachFindingCodes">Codes the coach raised on the generic ask.</param>
public sealed record DemoResult(IReadOnlyList<TimelineEntry> Timeline, int EmailsSent, string OutboxFolder, IReadOnlyList<string> CoachFindingCodes);

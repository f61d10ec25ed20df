namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>
/// Worker-process test classes run one after another and share one Azurite and one loaded worker
/// (<see cref="WorkerProcessFixture"/>); tests that need a worker of their own start it beside.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WorkerProcessCollection : ICollectionFixture<WorkerProcessFixture>
{
    public const string Name = "Worker process";
}

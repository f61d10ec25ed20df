namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>Shares one build of infra/ among all test classes that need it.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "compiled infra";
}

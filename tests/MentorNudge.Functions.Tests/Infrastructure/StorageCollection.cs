using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Functions.Tests.Infrastructure;

/// <summary>One real Azurite for this assembly's storage-backed function tests.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Functions storage";
}
